package io.livemodel.config;

/**
 * What one client, and all clients together, may hold of a node's change streams: limits decided
 * before a stream opens, so that no client can take the node's file descriptors or memory.
 *
 * @param maxStreamsPerClient open streams per client address (429 above it); 0: no limit. Behind a
 *     reverse proxy every client has the proxy's address: raise it or turn it off there
 * @param maxStreams open streams per node (503 above it); 0: as many as the file-descriptor limit
 *     allows after {@code reservedFileDescriptors}
 * @param reservedFileDescriptors descriptors kept back for answering requests, the store and the
 *     cluster when the node's streams are counted against its file-descriptor limit
 * @param maxQueuedBytesTotal bytes queued for slow clients over all streams of the node; while they
 *     are spent, new resumes (which replay history) are refused with 503 and {@code Retry-After}
 * @param retryAfterSeconds the {@code Retry-After} of those refusals
 */
public record StreamLimits(int maxStreamsPerClient, int maxStreams, int reservedFileDescriptors,
                           long maxQueuedBytesTotal, int retryAfterSeconds) {

  public static StreamLimits defaults() {
    return new StreamLimits(1000, 0, 512, 256L * 1024 * 1024, 5);
  }
}
