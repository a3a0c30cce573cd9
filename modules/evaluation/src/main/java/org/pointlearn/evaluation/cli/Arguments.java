package org.pointlearn.evaluation.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --key value} and {@code --flag} arguments of the command-line tools. */
public final class Arguments {

    private Arguments() {
    }

    /**
     * Parses the arguments.
     *
     * @param args the command line
     * @param required keys that must be present
     * @return key -> value ("true" for a flag), in the given order
     * @throws IllegalArgumentException naming the first problem
     */
    public static Map<String, String> parse(String[] args, Set<String> required) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            kv.put(key, flag ? "true" : args[++i]);
        }
        for (String r : required) {
            if (!kv.containsKey(r)) {
                throw new IllegalArgumentException("missing --" + r);
            }
        }
        return kv;
    }
}
