package io.neurite.models.examples;

import java.util.List;

/** What an example computed ({@code values}) and its checks against the notes. */
public record Report<V>(String name, V values, List<Check> checks) {

    public Report {
        checks = List.copyOf(checks);
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("Report(" + name + "): expected at least one check, got none");
        }
    }

    /** Whether every check agrees with the notes. */
    public boolean agrees() {
        return checks.stream().allMatch(Check::agrees);
    }
}
