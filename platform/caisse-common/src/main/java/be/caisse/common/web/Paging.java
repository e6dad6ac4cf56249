package be.caisse.common.web;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page} and {@code size} query parameters of every list: pages from 0, size 1 to 100 (default 20). They
 * are read as text and checked here, so that {@code page=abc} is a 400 naming {@code page} (not the 404 JAX-RS
 * gives an unreadable number), and a page so far that {@code page × size} leaves the integer range is a 400 too;
 * a page beyond the last one is an empty page.
 */
@Paging.Valid
public class Paging {
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    @QueryParam("page")
    @Parameter(description = "Page number, from 0", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "0", maximum = "21474835", defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(description = "Items per page, 1 to 100", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    String size;

    public Paging() {
    }

    public Paging(int page, int size) {
        this.page = Integer.toString(page);
        this.size = Integer.toString(size);
    }

    public int page() {
        return page == null ? 0 : Integer.parseInt(page);
    }

    public int size() {
        return size == null ? DEFAULT_SIZE : Integer.parseInt(size);
    }

    public int offset() {
        return page() * size(); // in range: checked by the constraint
    }

    /** This page of the query's results, mapped to what the API shows, with the total count. */
    public <E, T> PageView<T> list(PanacheQuery<E> query, Function<E, T> mapper) {
        long total = query.count();
        List<E> items = offset() >= total ? List.of() : query.range(offset(), offset() + size() - 1).list();
        return PageView.of(items, this, total, mapper);
    }

    /** This page of a list already in memory (a computed list: the quarters of an account, a statement's lines). */
    public <E, T> PageView<T> list(List<E> all, Function<E, T> mapper) {
        int from = Math.min(offset(), all.size());
        int to = Math.min(from + size(), all.size());
        return PageView.of(all.subList(from, to), this, all.size(), mapper);
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Check.class)
    public @interface Valid {
        String message() default "paging";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class Check implements ConstraintValidator<Valid, Paging> {
        @Override
        public boolean isValid(Paging p, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            boolean ok = true;
            Long page = number(p.page);
            Long size = number(p.size);
            if (p.page != null && (page == null || page < 0)) {
                ok = violation(context, "page", "page-number");
            }
            if (p.size != null && (size == null || size < 1 || size > MAX_SIZE)) {
                ok = violation(context, "size", "page-size");
            }
            if (ok && page != null && page * (size == null ? DEFAULT_SIZE : size) > Integer.MAX_VALUE - MAX_SIZE) {
                ok = violation(context, "page", "page-too-far");
            }
            return ok;
        }

        private static Long number(String text) {
            if (text == null || !text.matches("[0-9]{1,12}")) {
                return null;
            }
            return Long.parseLong(text);
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String code) {
            context.buildConstraintViolationWithTemplate(code).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
