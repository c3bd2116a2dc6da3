package dev.kubeclient.rest.clientcmd;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A {@code contexts[].context} entry: which cluster, which user, which namespace (client-go's
 * {@code clientcmdapi.Context}).
 *
 * @param name the entry's name
 * @param cluster the name of the cluster entry
 * @param user the name of the user (AuthInfo) entry
 * @param namespace the default namespace; null means {@code default}
 * @param origin the file this entry was read from
 */
public record Context(
    String name,
    @Nullable String cluster,
    @Nullable String user,
    @Nullable String namespace,
    @Nullable Path origin) {}
