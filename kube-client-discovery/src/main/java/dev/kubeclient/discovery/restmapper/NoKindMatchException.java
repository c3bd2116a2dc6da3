package dev.kubeclient.discovery.restmapper;

import dev.kubeclient.core.GroupKind;
import java.util.List;
import java.util.TreeSet;

/**
 * No resource serves a kind (apimachinery's {@code NoKindMatchError}), in any version or in the
 * versions searched: {@code no matches for kind "Widget" in version "example.com/v1"}.
 */
public final class NoKindMatchException extends NoMatchException {
  private static final long serialVersionUID = 1L;

  private final transient GroupKind groupKind;
  private final transient List<String> searchedVersions;

  /** Creates the exception for {@code groupKind} looked up in {@code searchedVersions}. */
  public NoKindMatchException(GroupKind groupKind, List<String> searchedVersions) {
    super(message(groupKind, searchedVersions));
    this.groupKind = groupKind;
    this.searchedVersions = List.copyOf(searchedVersions);
  }

  private static String message(GroupKind gk, List<String> versions) {
    TreeSet<String> searched = new TreeSet<>();
    for (String v : versions) {
      if (!v.isEmpty()) {
        searched.add(gk.group().isEmpty() ? v : gk.group() + "/" + v);
      }
    }
    if (searched.isEmpty()) {
      return "no matches for kind \"" + gk.kind() + "\" in group \"" + gk.group() + "\"";
    }
    if (searched.size() == 1) {
      return "no matches for kind \"" + gk.kind() + "\" in version \"" + searched.first() + "\"";
    }
    return "no matches for kind \"" + gk.kind() + "\" in versions " + searched;
  }

  /** The group and kind looked for. */
  public GroupKind groupKind() {
    return groupKind;
  }

  /** The versions the search was restricted to; empty for any version. */
  public List<String> searchedVersions() {
    return searchedVersions;
  }
}
