/**
 * Objects of any kind as plain maps, for kinds without a Java class (custom resources, newer API
 * versions) and for the dynamic client. The counterpart of apimachinery's {@code
 * apis/meta/v1/unstructured}.
 */
@NullMarked
package dev.kubeclient.core.unstructured;

import org.jspecify.annotations.NullMarked;
