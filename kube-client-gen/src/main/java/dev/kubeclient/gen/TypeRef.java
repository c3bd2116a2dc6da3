package dev.kubeclient.gen;

import org.jspecify.annotations.Nullable;

/**
 * The Java type of one property and how to copy, compare and print it.
 *
 * @param java the Java type as written in source
 * @param shape what kind of value it is
 * @param element the element type of a list or the value type of a map, else null
 * @param modelClass the class name of a generated model (for {@code new X()}), else null
 */
record TypeRef(String java, Shape shape, @Nullable TypeRef element, @Nullable String modelClass) {

  /** The value shapes the generator distinguishes. */
  enum Shape {
    /** Immutable values: String, boxed primitives, Quantity, IntOrString, Time, MicroTime. */
    VALUE,
    BYTES,
    JSON,
    MODEL,
    LIST,
    MAP
  }

  static TypeRef value(String java) {
    return new TypeRef(java, Shape.VALUE, null, null);
  }

  static TypeRef model(String java) {
    return new TypeRef(java, Shape.MODEL, null, java);
  }

  static TypeRef list(TypeRef element) {
    return new TypeRef("List<" + element.java + ">", Shape.LIST, element, null);
  }

  static TypeRef map(TypeRef element) {
    return new TypeRef("Map<String, " + element.java + ">", Shape.MAP, element, null);
  }

  /** A Java expression that deep-copies {@code expr}, whose value is not null. */
  String copyOf(String expr) {
    return copyOf(expr, 0);
  }

  private String copyOf(String expr, int depth) {
    return switch (shape) {
      case VALUE -> expr;
      case BYTES -> expr + ".clone()";
      case JSON -> expr + ".deepCopy()";
      case MODEL -> expr + ".deepCopy()";
      case LIST -> "ModelSupport.copyList(" + expr + ", " + lambda(element, depth) + ")";
      case MAP -> "ModelSupport.copyMap(" + expr + ", " + lambda(element, depth) + ")";
    };
  }

  private static String lambda(@Nullable TypeRef element, int depth) {
    String name = "e" + depth;
    if (element == null || element.shape == Shape.VALUE) {
      return name + " -> " + name;
    }
    return name + " -> " + element.copyOf(name, depth + 1);
  }

  /** The type with a type-use {@code @Nullable} where Java allows it on this spelling. */
  String nullable() {
    if (shape == Shape.BYTES) {
      return "byte @Nullable []";
    }
    int lt = java.indexOf('<');
    String head = lt < 0 ? java : java.substring(0, lt);
    int dot = head.lastIndexOf('.');
    if (dot < 0) {
      return "@Nullable " + java;
    }
    return java.substring(0, dot + 1) + "@Nullable " + java.substring(dot + 1);
  }

  /** Whether copying needs work beyond copying the reference. */
  boolean isImmutable() {
    return shape == Shape.VALUE;
  }
}
