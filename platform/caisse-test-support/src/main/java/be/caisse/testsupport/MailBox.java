package be.caisse.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a mailbox over IMAP, as a member's mail client would (LOGIN, SELECT, FETCH), and decodes what a plain-text
 * message may carry: folded headers, RFC 2047 encoded words, quoted-printable or base64 bodies.
 */
public final class MailBox {
    private MailBox() {
    }

    /** One message as its reader sees it: headers (names in lower case), subject and body decoded. */
    public record Mail(Map<String, String> headers, String subject, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public static List<Mail> read(int imapPort, String address) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", imapPort)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            line(in); // greeting
            command(in, out, "a1", "LOGIN \"" + address + "\" \"any\"");
            List<String> select = command(in, out, "a2", "SELECT INBOX");
            int exists = 0;
            for (String l : select) {
                Matcher m = Pattern.compile("^\\* (\\d+) EXISTS").matcher(l);
                if (m.find()) {
                    exists = Integer.parseInt(m.group(1));
                }
            }
            List<Mail> mails = new ArrayList<>();
            if (exists > 0) {
                out.write(("a3 FETCH 1:" + exists + " (BODY.PEEK[])\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (true) {
                    String l = line(in);
                    if (l.startsWith("a3 ")) {
                        break;
                    }
                    Matcher literal = Pattern.compile("\\{(\\d+)}$").matcher(l);
                    if (literal.find()) {
                        byte[] raw = in.readNBytes(Integer.parseInt(literal.group(1)));
                        mails.add(parse(new String(raw, StandardCharsets.ISO_8859_1)));
                    }
                }
            }
            command(in, out, "a4", "LOGOUT");
            return mails;
        }
    }

    private static List<String> command(InputStream in, OutputStream out, String tag, String command) throws IOException {
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        List<String> lines = new ArrayList<>();
        while (true) {
            String l = line(in);
            lines.add(l);
            if (l.startsWith(tag + " ")) {
                if (!l.startsWith(tag + " OK")) {
                    throw new IOException("IMAP " + command.split(" ")[0] + " refused: " + l);
                }
                return lines;
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c == -1 && b.size() == 0) {
            throw new IOException("IMAP connection closed");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    static Mail parse(String raw) {
        int split = raw.indexOf("\r\n\r\n");
        String head = split < 0 ? raw : raw.substring(0, split);
        String body = split < 0 ? "" : raw.substring(split + 4);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : head.replaceAll("\r\n[ \t]+", " ").split("\r\n")) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        String type = headers.getOrDefault("content-type", "text/plain; charset=us-ascii");
        Matcher cs = Pattern.compile("charset=\"?([^\";]+)", Pattern.CASE_INSENSITIVE).matcher(type);
        Charset charset = cs.find() ? Charset.forName(cs.group(1)) : StandardCharsets.US_ASCII;
        String encoding = headers.getOrDefault("content-transfer-encoding", "7bit").toLowerCase(Locale.ROOT);
        byte[] bytes = switch (encoding) {
            case "quoted-printable" -> quotedPrintable(body, false);
            case "base64" -> Base64.getMimeDecoder().decode(body);
            default -> body.getBytes(StandardCharsets.ISO_8859_1);
        };
        return new Mail(headers, words(headers.getOrDefault("subject", "")), new String(bytes, charset));
    }

    /** RFC 2047: {@code =?UTF-8?Q?...?=} and {@code =?UTF-8?B?...?=}. */
    static String words(String header) {
        Matcher m = Pattern.compile("=\\?([^?]+)\\?([QqBb])\\?([^?]*)\\?=").matcher(header.replaceAll("\\?=\\s+=\\?", "?==?"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Charset charset = Charset.forName(m.group(1));
            byte[] decoded = m.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(3))
                    : quotedPrintable(m.group(3), true);
            m.appendReplacement(out, Matcher.quoteReplacement(new String(decoded, charset)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static byte[] quotedPrintable(String text, boolean header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = text.replace("=\r\n", "").replace("=\n", "");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' && i + 2 < s.length() && s.substring(i + 1, i + 3).matches("[0-9A-Fa-f]{2}")) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
                continue;
            }
            out.write(header && c == '_' ? ' ' : c);
        }
        return out.toByteArray();
    }
}
