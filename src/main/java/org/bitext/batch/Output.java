package org.bitext.batch;

/**
 * One file a batch wrote for an input.
 *
 * @param path   its path relative to the output folder, with {@code /} separators
 * @param sha256 the SHA-256 of its bytes, lower-case hex
 * @param bytes  its size
 */
public record Output(String path, String sha256, long bytes) {
}
