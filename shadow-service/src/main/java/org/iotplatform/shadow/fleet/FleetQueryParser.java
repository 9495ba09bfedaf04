package org.iotplatform.shadow.fleet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fleet query language ({@link FleetQuery}) by recursive descent. Positions in messages
 * count characters from 1.
 */
final class FleetQueryParser {

  private static final String KEY_SYMBOLS = "_-:$@";
  private static final int SNIPPET_LENGTH = 20;

  /** Each term is a set or two that every candidate is checked against: a bound on the work. */
  static final int MAX_TERMS = 16;

  private final String text;
  private int pos;

  FleetQueryParser(String text) {
    this.text = text;
  }

  List<Term> terms() {
    List<Term> terms = new ArrayList<>();
    skipSpaces();
    if (atEnd()) {
      return terms;
    }
    terms.add(term());
    while (true) {
      skipSpaces();
      if (atEnd()) {
        return terms;
      }
      int at = pos;
      String word = word();
      if (word.equalsIgnoreCase("and")) {
        skipSpaces();
        if (atEnd()) {
          throw error(pos, "expected a term after AND");
        }
        if (terms.size() == MAX_TERMS) {
          throw error(pos, "a query has at most " + MAX_TERMS + " terms");
        }
        terms.add(term());
      } else if (word.equalsIgnoreCase("or")) {
        throw error(at, "OR is not supported; run one query per alternative");
      } else {
        pos = at;
        throw error(at, "expected AND or the end of the query, found " + found(at));
      }
    }
  }

  private Term term() {
    int start = pos;
    if (word().equalsIgnoreCase("exists")) {
      skipSpaces();
      if (peek() == '(') {
        return exists();
      }
    }
    pos = start;
    Ref left = ref();
    if (left.section() == null) {
      throw error(start, "delta can only be tested with exists(delta.path) or exists(delta)");
    }
    skipSpaces();
    int opAt = pos;
    boolean equal = operator();
    skipSpaces();
    int rightAt = pos;
    char next = peek();
    if (next == '\'' || next == '-' || Character.isDigit(next)) {
      return new Term.ValueIs(left.section(), left.path(), literal(opAt), equal);
    }
    String word = word();
    switch (word) {
      case "true", "false" -> {
        return new Term.ValueIs(left.section(), left.path(), Boolean.valueOf(word), equal);
      }
      case "null" -> throw error(rightAt, "null is never stored; use exists(...) to test a path");
      case "desired", "reported", "delta" -> {
        pos = rightAt;
        return matchesDesired(left, ref(), rightAt, equal);
      }
      default -> {
        pos = rightAt;
        throw error(
            rightAt,
            "expected a literal after '" + operatorAt(opAt) + "', found " + found(rightAt));
      }
    }
  }

  private Term exists() {
    pos++; // (
    skipSpaces();
    Ref ref = ref();
    skipSpaces();
    if (peek() != ')') {
      throw error(pos, "expected ')' after the path, found " + found(pos));
    }
    pos++;
    if (ref.section() == null) {
      return new Term.InDelta(ref.path());
    }
    return new Term.Exists(ref.section(), ref.path());
  }

  private Term matchesDesired(Ref left, Ref right, int rightAt, boolean equal) {
    if (left.section() == right.section() || right.section() == null) {
      throw error(rightAt, "a path can only be compared with the other of desired and reported");
    }
    if (!left.path().equals(right.path())) {
      throw error(
          rightAt,
          "reported and desired can only be compared at the same path, here "
              + String.join(".", left.path()));
    }
    return new Term.MatchesDesired(left.path(), equal);
  }

  /** True for {@code =}, false for {@code !=}. */
  private boolean operator() {
    int at = pos;
    if (text.startsWith("!=", at)) {
      pos += 2;
      return false;
    }
    if (text.startsWith("==", at)) {
      throw error(at, "use '=' to compare, not '=='");
    }
    if (peek() == '=') {
      pos++;
      return true;
    }
    if (peek() == '<' || peek() == '>') {
      throw error(
          at,
          "range comparisons ('" + operatorAt(at) + "') are not supported yet; use '=' or '!='");
    }
    throw error(at, "expected '=' or '!=' after the path, found " + found(at));
  }

  private Object literal(int opAt) {
    int at = pos;
    if (peek() == '\'') {
      String value = quoted('\'');
      if (value.length() > IndexKeys.MAX_INDEXED_STRING_LENGTH) {
        throw error(
            at,
            "strings longer than "
                + IndexKeys.MAX_INDEXED_STRING_LENGTH
                + " characters are not indexed, so they cannot be searched for");
      }
      return value;
    }
    if (peek() == '-') {
      pos++;
    }
    digits();
    if (peek() == '.') {
      pos++;
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits();
    }
    try {
      return IndexKeys.canonical(new BigDecimal(text.substring(at, pos)));
    } catch (NumberFormatException e) {
      pos = at;
      throw error(at, "expected a literal after '" + operatorAt(opAt) + "', found " + found(at));
    }
  }

  private void digits() {
    while (Character.isDigit(peek())) {
      pos++;
    }
  }

  /** {@code section.key.key}; the section alone only for {@code delta}. */
  private Ref ref() {
    int at = pos;
    String section = word();
    @Nullable Section parsed =
        switch (section) {
          case "desired" -> Section.DESIRED;
          case "reported" -> Section.REPORTED;
          case "delta" -> null;
          default -> {
            pos = at;
            throw error(
                at, "expected a path starting with desired, reported or delta, found " + found(at));
          }
        };
    List<String> path = new ArrayList<>();
    while (peek() == '.') {
      pos++;
      path.add(key());
    }
    if (path.isEmpty() && parsed != null) {
      throw error(pos, "expected '.' and a key after '" + section + "'");
    }
    return new Ref(parsed, path);
  }

  private String key() {
    int at = pos;
    if (peek() == '"') {
      return quoted('"');
    }
    String key = word();
    if (key.isEmpty()) {
      throw error(at, "expected a key after '.', found " + found(at));
    }
    return key;
  }

  /** A string between {@code quote}s, a doubled quote standing for one. */
  private String quoted(char quote) {
    int start = pos;
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (atEnd()) {
        throw error(start, "unterminated " + quote + "quoted" + quote + " text");
      }
      char c = text.charAt(pos++);
      if (c == quote) {
        if (peek() != quote) {
          return value.toString();
        }
        pos++;
      }
      value.append(c);
    }
  }

  /** The longest run of key characters at the position, possibly empty. */
  private String word() {
    int start = pos;
    while (!atEnd() && isKeyChar(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || KEY_SYMBOLS.indexOf(c) >= 0;
  }

  private String operatorAt(int at) {
    int end = at;
    while (end < text.length() && "=!<>".indexOf(text.charAt(end)) >= 0) {
      end++;
    }
    return text.substring(at, end);
  }

  private void skipSpaces() {
    while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private char peek() {
    return atEnd() ? '\0' : text.charAt(pos);
  }

  /** What stands at {@code at}, for messages. */
  private String found(int at) {
    if (at >= text.length()) {
      return "the end of the query";
    }
    int end = at;
    while (end < text.length()
        && end - at < SNIPPET_LENGTH
        && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    String snippet = text.substring(at, Math.max(end, at + 1));
    return snippet.startsWith("'") ? snippet : "'" + snippet + "'";
  }

  private FleetQueryException error(int at, String problem) {
    return FleetQueryException.invalidQuery(
        String.format(Locale.ROOT, "At position %d: %s.", at + 1, problem));
  }

  /** A path in a query; {@code section} null for the delta. */
  private record Ref(@Nullable Section section, List<String> path) {}
}
