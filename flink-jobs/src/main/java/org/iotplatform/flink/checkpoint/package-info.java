/**
 * Checkpoints kept on disk beyond a job's life, so a job started again resumes where the previous
 * one stopped: its Kafka offsets, its enrichment state and its open rollup windows.
 */
@NullMarked
package org.iotplatform.flink.checkpoint;

import org.jspecify.annotations.NullMarked;
