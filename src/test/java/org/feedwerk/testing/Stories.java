package org.feedwerk.testing;

/** Longer fictional news texts written by the team, for tests that need more than a sentence. */
public final class Stories {
    public static final String FERRY_TERMINAL =
            "The harbour authority of Lindholm approved the new ferry terminal on Sunday, ending "
                    + "a dispute that had lasted almost four years. Residents of the island had objected to more traffic on "
                    + "the harbour road, and the council asked for a new bus lane before any work begins. Construction is due "
                    + "to start in the spring, and the terminal is planned to open in 2028 with room for two ferries at the "
                    + "same time. The ferry company said it would add a late crossing on weekdays once the terminal opens, "
                    + "and the authority expects the number of passengers to grow by a third within five years.";
    public static final String BUS_LANE = "The council of Lindholm wants a bus lane on the harbour road before the new "
            + "ferry terminal opens, and will ask residents of the island for their views in a survey that starts on "
            + "Monday. The lane would cost about two million euros and take a year to build, the planning office "
            + "said, while the ferry company asked for more parking near the pier and a shelter for cyclists.";

    private Stories() {}
}
