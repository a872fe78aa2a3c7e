/**
 * The {@code icp} command line: {@code icp score} scores an accounts file with a ruleset folder,
 * {@code icp generate} writes synthetic accounts. Entry point: {@link io.icprules.examples.cli.IcpCommand}.
 */
package io.icprules.examples.cli;
