/**
 * The protobuf field table generator: from the Go types of k8s.io/api and k8s.io/apimachinery it
 * writes the field numbers, JSON names and kinds kube-client-testing's embedded API server decodes
 * protobuf request bodies with. A build tool run by hand against a checkout of the release the spec
 * comes from, not a published library.
 */
@org.jspecify.annotations.NullMarked
package dev.kubeclient.gen.proto;
