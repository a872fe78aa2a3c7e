/**
 * The {@code icp} command line: {@code icp score} scores an accounts file with one or more ruleset
 * folders, {@code icp test} runs a ruleset's fit test cases, {@code icp generate} writes synthetic
 * accounts. Entry point: {@link io.icprules.examples.cli.IcpCommand}.
 */
package io.icprules.examples.cli;
