/** What the jobs' command-line launchers share: reading settings from arguments or environment. */
@NullMarked
package org.iotplatform.flink.launcher;

import org.jspecify.annotations.NullMarked;
