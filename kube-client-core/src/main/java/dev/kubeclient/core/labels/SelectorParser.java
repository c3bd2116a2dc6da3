package dev.kubeclient.core.labels;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for the label selector language, following the grammar of
 * apimachinery's {@code labels.Parse}: comma-separated requirements, each {@code !key}, {@code
 * key}, {@code key op value} or {@code key in|notin (v1,v2)}. As there, {@code in} and {@code
 * notin} are operators only after a key ({@code in=foo} is the key {@code in}), {@code ()} is the
 * set holding the empty value, and only space, tab, carriage return and newline separate tokens.
 */
final class SelectorParser {
  private enum Kind {
    IDENTIFIER,
    IN,
    NOT_IN,
    BANG,
    NOT_EQUALS,
    EQUALS,
    DOUBLE_EQUALS,
    GREATER,
    LESS,
    COMMA,
    OPEN,
    CLOSE,
    END
  }

  private record Token(Kind kind, String text, int position) {
    String describe() {
      return kind == Kind.END ? "end of string" : "'" + text + "'";
    }
  }

  private final String input;
  private final List<Token> tokens;
  private int next;

  private SelectorParser(String input) {
    this.input = input;
    this.tokens = lex(input);
  }

  static List<Requirement> parse(String input) {
    return new SelectorParser(input).parseAll();
  }

  private List<Requirement> parseAll() {
    List<Requirement> result = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.kind == Kind.END) {
        return result;
      }
      if (!isValue(t) && t.kind != Kind.BANG) {
        throw error(t, "found " + t.describe() + ", expected: !, identifier, or end of string");
      }
      result.add(parseRequirement());
      Token after = consume();
      if (after.kind == Kind.END) {
        return result;
      }
      if (after.kind != Kind.COMMA) {
        throw error(after, "found " + after.describe() + ", expected: ',' or end of string");
      }
      Token following = peek();
      if (!isValue(following) && following.kind != Kind.BANG) {
        throw error(
            following, "found " + following.describe() + ", expected: identifier after ','");
      }
    }
  }

  private Requirement parseRequirement() {
    Token t = consume();
    boolean negated = t.kind == Kind.BANG;
    if (negated) {
      t = consume();
    }
    if (!isValue(t)) {
      throw error(t, "found " + t.describe() + ", expected: identifier");
    }
    Token keyToken = t;
    String key = t.text;
    Kind following = peek().kind;
    if (negated || following == Kind.END || following == Kind.COMMA) {
      return create(keyToken, key, negated ? Operator.DOES_NOT_EXIST : Operator.EXISTS, List.of());
    }
    Token opToken = consume();
    Operator op =
        switch (opToken.kind) {
          case IN -> Operator.IN;
          case NOT_IN -> Operator.NOT_IN;
          case EQUALS -> Operator.EQUALS;
          case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
          case NOT_EQUALS -> Operator.NOT_EQUALS;
          case GREATER -> Operator.GREATER_THAN;
          case LESS -> Operator.LESS_THAN;
          default ->
              throw error(
                  opToken,
                  "found "
                      + opToken.describe()
                      + ", expected: in, notin, =, ==, !=, gt (>), lt (<)");
        };
    List<String> values =
        op == Operator.IN || op == Operator.NOT_IN ? parseValueList() : List.of(parseExactValue());
    return create(opToken, key, op, values);
  }

  private Requirement create(Token at, String key, Operator op, List<String> values) {
    try {
      return Requirement.of(key, op, values);
    } catch (IllegalArgumentException e) {
      throw error(at, e.getMessage());
    }
  }

  private String parseExactValue() {
    Token t = peek();
    if (t.kind == Kind.END || t.kind == Kind.COMMA) {
      return "";
    }
    consume();
    if (!isValue(t)) {
      throw error(t, "found " + t.describe() + ", expected: identifier");
    }
    return t.text;
  }

  private List<String> parseValueList() {
    Token open = consume();
    if (open.kind != Kind.OPEN) {
      throw error(open, "found " + open.describe() + ", expected: '('");
    }
    List<String> values = new ArrayList<>();
    if (peek().kind == Kind.CLOSE) {
      consume();
      values.add(""); // "()" is the set holding the empty value, as in apimachinery
      return values;
    }
    boolean expectValue = true;
    while (true) {
      Token t = consume();
      if (isValue(t) && expectValue) {
        values.add(t.text);
        expectValue = false;
      } else if (t.kind == Kind.COMMA) {
        if (expectValue) {
          values.add(""); // "(,a)" and "(a,,b)" hold an empty value, as in client-go
        }
        expectValue = true;
      } else if (t.kind == Kind.CLOSE) {
        if (expectValue) {
          values.add("");
        }
        return values;
      } else {
        throw error(t, "found " + t.describe() + ", expected: ',', ')' or identifier");
      }
    }
  }

  // Where a key or value is expected, the keywords are ordinary words: "in=a", "env in (notin)".
  private static boolean isValue(Token t) {
    return t.kind == Kind.IDENTIFIER || t.kind == Kind.IN || t.kind == Kind.NOT_IN;
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token consume() {
    Token t = tokens.get(next);
    if (t.kind != Kind.END) {
      next++;
    }
    return t;
  }

  private SelectorParseException error(Token at, String problem) {
    return new SelectorParseException(input, at.position, problem);
  }

  private static List<Token> lex(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (true) {
      while (i < n && isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i >= n) {
        out.add(new Token(Kind.END, "", n));
        return out;
      }
      char c = s.charAt(i);
      char d = i + 1 < n ? s.charAt(i + 1) : 0;
      Kind kind;
      int len = 1;
      switch (c) {
        case '!' -> {
          kind = d == '=' ? Kind.NOT_EQUALS : Kind.BANG;
          len = d == '=' ? 2 : 1;
        }
        case '=' -> {
          kind = d == '=' ? Kind.DOUBLE_EQUALS : Kind.EQUALS;
          len = d == '=' ? 2 : 1;
        }
        case '>' -> kind = Kind.GREATER;
        case '<' -> kind = Kind.LESS;
        case ',' -> kind = Kind.COMMA;
        case '(' -> kind = Kind.OPEN;
        case ')' -> kind = Kind.CLOSE;
        default -> {
          int start = i;
          while (i < n && !isSpecial(s.charAt(i)) && !isWhitespace(s.charAt(i))) {
            i++;
          }
          String word = s.substring(start, i);
          Kind k =
              switch (word) {
                case "in" -> Kind.IN;
                case "notin" -> Kind.NOT_IN;
                default -> Kind.IDENTIFIER;
              };
          out.add(new Token(k, word, start));
          continue;
        }
      }
      out.add(new Token(kind, s.substring(i, i + len), i));
      i += len;
    }
  }

  /** apimachinery's {@code isWhitespace}: other white space is part of a word. */
  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isSpecial(char c) {
    return c == '!' || c == '=' || c == '>' || c == '<' || c == ',' || c == '(' || c == ')';
  }
}
