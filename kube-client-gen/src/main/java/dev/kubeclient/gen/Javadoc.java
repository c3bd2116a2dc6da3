package dev.kubeclient.gen;

/** Turns spec descriptions into safe Javadoc text. Stateless. */
final class Javadoc {
  private Javadoc() {}

  /** The whole description, escaped for a Javadoc comment. */
  static String text(String description) {
    return escape(description).replace("\n", "\n * ");
  }

  /** The first sentence of a description, escaped, on one line. */
  static String firstSentence(String description) {
    String flat = description.replace('\n', ' ').strip();
    int end = flat.indexOf(". ");
    String sentence = end < 0 ? flat : flat.substring(0, end + 1);
    return escape(sentence);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*/", "*&#47;")
        .replace("/*", "&#47;*")
        .replace("@", "&#64;")
        .replace("\\", "&#92;")
        .replace("{", "&#123;")
        .replace("}", "&#125;");
  }
}
