/**
 * End-to-end benchmarks: each client lists, gets, creates and deletes over HTTP against one
 * loopback server, each in JVMs of its own on a class path of its own. This source folder holds
 * what every client's program shares ({@link dev.kubeclient.benchmarks.e2e.PeerClient}, {@link
 * dev.kubeclient.benchmarks.e2e.E2eRunner}) and depends on the JDK only; the kube-client program,
 * the server and the driver that runs everything and writes {@code RESULTS.md} are in this module's
 * main sources, the fabric8 and official-client programs in {@code peers/}. Not published.
 */
@NullMarked
package dev.kubeclient.benchmarks.e2e;

import org.jspecify.annotations.NullMarked;
