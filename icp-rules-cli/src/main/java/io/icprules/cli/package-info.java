/**
 * The {@code icp} command line: {@code icp score} scores an accounts file with one or more ruleset
 * folders, {@code icp test} runs a ruleset's fit test cases, {@code icp generate} writes synthetic
 * accounts; {@code icp backtest}, {@code icp compare} and {@code icp audit} test a profile against
 * deal outcomes, preview a new version and audit open pipeline, and {@code icp history} writes a
 * synthetic history to try them on. Entry point: {@link io.icprules.cli.IcpCommand}.
 */
package io.icprules.cli;
