/**
 * How a service embeds icp-rules: {@link io.icprules.examples.embed.EmbeddingExample}.
 */
package io.icprules.examples.embed;
