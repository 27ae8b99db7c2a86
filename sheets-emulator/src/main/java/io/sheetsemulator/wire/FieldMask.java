package io.sheetsemulator.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sheetsemulator.model.SheetsError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partial-response field mask as Google parses it: comma lists, parenthesised sub-selections and
 * dotted or slashed paths ({@code a,b(c,d),e.f/g}); {@code *} selects every field at its level.
 * Immutable once parsed.
 */
public final class FieldMask {

    /** Selects a whole subtree. */
    public static final FieldMask ALL = new FieldMask(null);

    private final Map<String, FieldMask> children;

    private FieldMask(Map<String, FieldMask> children) {
        this.children = children;
    }

    public boolean isAll() {
        return children == null;
    }

    /** Parses {@code text}; throws 400 INVALID_ARGUMENT on a syntax error. */
    public static FieldMask parse(String text) {
        Parser parser = new Parser(text);
        Map<String, FieldMask> root = parser.list();
        if (parser.pos != text.length()) {
            throw parser.error();
        }
        return new FieldMask(root);
    }

    /** True if the mask selects {@code path} or anything under it. */
    public boolean selects(String... path) {
        FieldMask mask = this;
        for (String name : path) {
            mask = mask.child(name);
            if (mask == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The mask for field {@code name} of an object this mask applies to: {@link #ALL} under a whole
     * subtree, null when the field is not selected. Writers that render only what is selected walk
     * the mask with this, as {@link #prune} does.
     */
    public FieldMask child(String name) {
        return isAll() ? ALL : children.getOrDefault(name, children.get("*"));
    }

    /** The selected leaf paths, dotted ({@code gridProperties.rowCount}); {@code *} stays {@code *}. */
    public List<String> leafPaths() {
        List<String> paths = new ArrayList<>();
        collect("", paths);
        return paths;
    }

    private void collect(String prefix, List<String> out) {
        if (isAll()) {
            out.add(prefix);
            return;
        }
        children.forEach((name, child) -> child.collect(prefix.isEmpty() ? name : prefix + "." + name, out));
    }

    /** A copy of {@code json} keeping only the selected fields; arrays are masked element by element. */
    public JsonElement prune(JsonElement json) {
        if (isAll() || json == null) {
            return json;
        }
        if (json.isJsonArray()) {
            JsonArray out = new JsonArray();
            for (JsonElement element : json.getAsJsonArray()) {
                out.add(prune(element));
            }
            return out;
        }
        if (!json.isJsonObject()) {
            return json;
        }
        JsonObject out = new JsonObject();
        for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
            FieldMask child = child(entry.getKey());
            if (child != null) {
                out.add(entry.getKey(), child.prune(entry.getValue()));
            }
        }
        return out;
    }

    private static Map<String, FieldMask> merge(Map<String, FieldMask> into, String name, FieldMask mask) {
        FieldMask existing = into.get(name);
        if (existing == null) {
            into.put(name, mask);
        } else if (!existing.isAll()) {
            if (mask.isAll()) {
                into.put(name, ALL);
            } else {
                Map<String, FieldMask> both = new LinkedHashMap<>(existing.children);
                mask.children.forEach((k, v) -> merge(both, k, v));
                into.put(name, new FieldMask(both));
            }
        }
        return into;
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Map<String, FieldMask> list() {
            Map<String, FieldMask> out = new LinkedHashMap<>();
            item(out);
            while (peek() == ',') {
                pos++;
                item(out);
            }
            return out;
        }

        private void item(Map<String, FieldMask> out) {
            List<String> path = new ArrayList<>();
            path.add(name());
            while (peek() == '.' || peek() == '/') {
                pos++;
                path.add(name());
            }
            FieldMask leaf = ALL;
            if (peek() == '(') {
                pos++;
                leaf = new FieldMask(list());
                if (peek() != ')') {
                    throw error();
                }
                pos++;
            }
            for (int i = path.size() - 1; i > 0; i--) {
                Map<String, FieldMask> wrap = new LinkedHashMap<>();
                wrap.put(path.get(i), leaf);
                leaf = new FieldMask(wrap);
            }
            merge(out, path.get(0), leaf);
        }

        private String name() {
            skipSpaces();
            int start = pos;
            while (pos < text.length()
                    && (Character.isLetterOrDigit(text.charAt(pos))
                            || text.charAt(pos) == '_'
                            || text.charAt(pos) == '*'
                            || text.charAt(pos) == '@')) {
                pos++;
            }
            if (start == pos) {
                throw error();
            }
            String name = text.substring(start, pos);
            skipSpaces();
            return name;
        }

        private char peek() {
            skipSpaces();
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipSpaces() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }

        SheetsError.InvalidArgument error() {
            return SheetsError.invalid("Invalid field selection: " + text);
        }
    }
}
