package io.icprules.io;

/** The exit codes of the {@code icp} command, shared by its subcommands. */
public final class ExitCodes {

    /** Every record was scored (or the files were generated). */
    public static final int OK = 0;
    /** The ruleset does not compile; its diagnostics were printed. */
    public static final int RULESET_ERROR = 1;
    /** The command line is wrong, or an input file is missing or unusable as a whole. */
    public static final int USAGE = 2;
    /** The run finished, but some records are error records ({@code icp test}: some cases failed). */
    public static final int RECORD_ERRORS = 3;
    /** Something unexpected failed, such as writing the output. */
    public static final int FAILURE = 4;
    /** {@code icp audit} found open deals whose account the profile now disqualifies or excludes. */
    public static final int FLAGGED = 5;

    private ExitCodes() {
    }
}
