package dev.kubeclient.benchmarks;

/** All adapters of one peer in one object, so that each peer's codec is written once. */
interface PodCodec extends PodDecoder, PodEncoder, PodListDecoder {}
