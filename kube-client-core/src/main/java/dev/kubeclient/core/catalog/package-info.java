/**
 * The catalog of built-in Kubernetes resources: for every resource the API server serves out of the
 * box, its group, version, plural and singular names, kind, scope, verbs and subresources, as
 * discovery reports them. {@link dev.kubeclient.core.catalog.BuiltinResources} is generated from
 * the OpenAPI spec; shortNames and categories, which the spec lacks, come from the generator's own
 * table of what a real cluster reports.
 */
@org.jspecify.annotations.NullMarked
package dev.kubeclient.core.catalog;
