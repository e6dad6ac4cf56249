package be.caisse.common.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Everything a service holds on a person (GDPR art. 15 and 20), read from its own database rather than from a list
 * kept by hand, so that a table added later is in the export without anyone remembering it: every table with a
 * column that names the person ({@code caisse.privacy.person-columns}: niss, account, debtor, …), then every table
 * whose foreign key points to a row already found (a claim's decision, a case's steps), a few levels deep. Technical
 * tables (the outbox, the consumers' inbox, Flyway's history) are not the person's data and are left out.
 *
 * <p>Values are written as the database gives them (numbers as numbers, dates and times in ISO form, text as it is):
 * the export is what the fund holds, not a view of it.
 */
@ApplicationScoped
public class PersonExport {
    private static final Set<String> TECHNICAL = Set.of("outbox_event", "processed_event", "flyway_schema_history");
    private static final int DEPTH = 3;
    private static final int MAX_ROWS_PER_TABLE = 100_000;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "caisse.privacy.person-columns", defaultValue = "niss,account,debtor,helper_niss,helped_niss")
    List<String> personColumns;

    private record ForeignKey(String table, String column, String parent, String parentColumn) {
    }

    /** The person's rows, table by table (tables in name order, the empty ones left out). */
    public ObjectNode export(String niss) {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            Map<String, Set<String>> columns = columns(c);
            Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
            Map<String, String> where = new LinkedHashMap<>(); // table → condition selecting the person's rows
            for (Map.Entry<String, Set<String>> t : columns.entrySet()) {
                List<String> own = t.getValue().stream().filter(personColumns::contains).toList();
                if (!own.isEmpty()) {
                    where.put(t.getKey(), "(" + String.join(" OR ", own.stream().map(col -> quote(col) + " = ?").toList()) + ")");
                }
            }
            List<ForeignKey> keys = foreignKeys(c);
            Map<String, String> found = new LinkedHashMap<>(where);
            for (int level = 0; level < DEPTH; level++) {
                Map<String, String> next = new LinkedHashMap<>();
                for (ForeignKey fk : keys) {
                    if (found.containsKey(fk.table()) || next.containsKey(fk.table()) || !found.containsKey(fk.parent())) {
                        continue;
                    }
                    next.put(fk.table(), quote(fk.column()) + " IN (SELECT " + quote(fk.parentColumn()) + " FROM " + quote(fk.parent())
                            + " WHERE " + found.get(fk.parent()) + ")");
                }
                if (next.isEmpty()) {
                    break;
                }
                found.putAll(next);
            }
            ObjectNode tables = json.createObjectNode();
            for (Map.Entry<String, String> t : new TreeMap<>(found).entrySet()) {
                if (TECHNICAL.contains(t.getKey())) {
                    continue;
                }
                ArrayNode list = rows(c, t.getKey(), t.getValue(), niss);
                if (!list.isEmpty()) {
                    tables.set(t.getKey(), list);
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("The person's data could not be read", e);
        }
    }

    private ArrayNode rows(Connection c, String table, String condition, String niss) throws SQLException {
        String sql = "SELECT * FROM " + quote(table) + " WHERE " + condition + " LIMIT " + MAX_ROWS_PER_TABLE;
        ArrayNode list = json.createArrayNode();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int marks = (int) sql.chars().filter(ch -> ch == '?').count();
            for (int i = 1; i <= marks; i++) {
                s.setString(i, niss);
            }
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    ObjectNode row = list.addObject();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object v = r.getObject(i);
                        String name = meta.getColumnLabel(i);
                        if (v == null) {
                            row.putNull(name);
                        } else if (v instanceof Number || v instanceof Boolean) {
                            row.set(name, json.valueToTree(v));
                        } else if (v instanceof java.sql.Timestamp ts) {
                            row.put(name, ts.toInstant().toString());
                        } else if (v instanceof byte[] bytes) {
                            row.put(name, java.util.Base64.getEncoder().encodeToString(bytes));
                        } else {
                            row.put(name, v.toString());
                        }
                    }
                }
            }
        }
        return list;
    }

    private static Map<String, Set<String>> columns(Connection c) throws SQLException {
        Map<String, Set<String>> columns = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                columns.computeIfAbsent(r.getString(1), k -> new LinkedHashSet<>()).add(r.getString(2));
            }
        }
        return columns;
    }

    private static List<ForeignKey> foreignKeys(Connection c) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT cl.relname, a.attname, pcl.relname, pa.attname "
                + "FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pcl ON pcl.oid = k.confrelid "
                + "JOIN pg_namespace n ON n.oid = cl.relnamespace "
                + "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
                + "JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = k.confkey[1] "
                + "WHERE k.contype = 'f' AND n.nspname = current_schema() AND array_length(k.conkey, 1) = 1 ORDER BY 1, 2");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                keys.add(new ForeignKey(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
            }
        }
        return keys;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
