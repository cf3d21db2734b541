package io.livemodel.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English pluralization exactly as LoopBack 3 derives a model's default plural: the {@code inflection}
 * npm package, version 1.13.4 (LoopBack depends on {@code ^1.6.0}), function {@code pluralize}.
 *
 * <p>The rules are that library's table, in its order: the first rule whose pattern matches decides;
 * rules without a replacement mean "already plural, leave it". Patterns are suffix patterns applied to
 * the whole name, so a camel-cased name keeps its prefix ({@code MyModel} gives {@code MyModels}).
 * Uncountable words are compared with the whole name, lower-cased ({@code Sheep} stays, while
 * {@code BlackSheep} gives {@code BlackSheeps}). Oddities of the library are kept on purpose:
 * {@code Leaf} gives {@code Leafs}, {@code Foot} gives {@code feet}.
 */
public final class Inflection {

  private static final Set<String> UNCOUNTABLE = Set.of(
      "accommodation", "adulthood", "advertising", "advice", "aggression", "aid", "air", "aircraft",
      "alcohol", "anger", "applause", "arithmetic", "assistance", "athletics",
      "bacon", "baggage", "beef", "biology", "blood", "botany", "bread", "butter",
      "carbon", "cardboard", "cash", "chalk", "chaos", "chess", "crossroads", "countryside",
      "dancing", "deer", "dignity", "dirt", "dust",
      "economics", "education", "electricity", "engineering", "enjoyment", "envy", "equipment", "ethics",
      "evidence", "evolution",
      "fame", "fiction", "flour", "flu", "food", "fuel", "fun", "furniture",
      "gallows", "garbage", "garlic", "genetics", "gold", "golf", "gossip", "gratitude", "grief", "guilt",
      "gymnastics",
      "happiness", "hardware", "harm", "hate", "hatred", "health", "heat", "help", "homework", "honesty",
      "honey", "hospitality", "housework", "humour", "hunger", "hydrogen",
      "ice", "importance", "inflation", "information", "innocence", "iron", "irony",
      "jam", "jewelry", "judo",
      "karate", "knowledge",
      "lack", "laughter", "lava", "leather", "leisure", "lightning", "linguine", "linguini", "linguistics",
      "literature", "litter", "livestock", "logic", "loneliness", "luck", "luggage",
      "macaroni", "machinery", "magic", "management", "mankind", "marble", "mathematics", "mayonnaise",
      "measles", "methane", "milk", "minus", "money", "mud", "music", "mumps",
      "nature", "news", "nitrogen", "nonsense", "nurture", "nutrition",
      "obedience", "obesity", "oxygen",
      "pasta", "patience", "physics", "poetry", "pollution", "poverty", "pride", "psychology", "publicity",
      "punctuation",
      "quartz",
      "racism", "relaxation", "reliability", "research", "respect", "revenge", "rice", "rubbish", "rum",
      "safety", "scenery", "seafood", "seaside", "series", "shame", "sheep", "shopping", "sleep", "smoke",
      "smoking", "snow", "soap", "software", "soil", "spaghetti", "species", "steam", "stuff", "stupidity",
      "sunshine", "symmetry",
      "tennis", "thirst", "thunder", "timber", "traffic", "transportation", "trust",
      "underwear", "unemployment", "unity",
      "validity", "veal", "vegetation", "vegetarianism", "vengeance", "violence", "vitality",
      "warmth", "wealth", "weather", "welfare", "wheat", "wildlife", "wisdom",
      "yoga",
      "zinc", "zoology");

  /** One rule: a JS pattern (case-insensitive) and its replacement, or null for "leave as is". */
  private record Rule(Pattern pattern, String replacement) {
  }

  private static final List<Rule> RULES = List.of(
      // already plural: leave unchanged
      keep("^(m|wom)en$"), keep("(pe)ople$"), keep("(child)ren$"), keep("([ti])a$"),
      keep("((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$"), keep("(drive)s$"),
      keep("(hi|ti)ves$"), keep("(curve)s$"), keep("([lr])ves$"), keep("([^fo])ves$"),
      keep("([^aeiouy]|qu)ies$"), keep("(s)eries$"), keep("(m)ovies$"), keep("(x|ch|ss|sh)es$"),
      keep("([m|l])ice$"), keep("(bus)es$"), keep("(o)es$"), keep("(shoe)s$"), keep("(cris|ax|test)es$"),
      keep("(octop|vir)uses$"), keep("(alias|canvas|status|campus)es$"), keep("^(summons|bonus)es$"),
      keep("^(ox)en"), keep("(matr)ices$"), keep("^feet$"), keep("^teeth$"), keep("^geese$"),
      keep("(quiz)zes$"), keep("^(whereas)es$"), keep("^(criteri)a$"), keep("^genera$"),
      // singular to plural
      rule("^(m|wom)an$", "$1en"), rule("(pe)rson$", "$1ople"), rule("(child)$", "$1ren"),
      rule("(drive)$", "$1s"), rule("^(ox)$", "$1en"), rule("(ax|test)is$", "$1es"),
      rule("(octop|vir)us$", "$1uses"), rule("(alias|status|canvas|campus)$", "$1es"),
      rule("^(summons|bonus)$", "$1es"), rule("(bu)s$", "$1ses"), rule("(buffal|tomat|potat)o$", "$1oes"),
      rule("([ti])um$", "$1a"), rule("sis$", "ses"), rule("(?:([^f])fe|([lr])f)$", "$1$2ves"),
      rule("(hi|ti)ve$", "$1ves"), rule("([^aeiouy]|qu)y$", "$1ies"), rule("(matr)ix$", "$1ices"),
      rule("(vert|ind)ex$", "$1ices"), rule("(x|ch|ss|sh)$", "$1es"), rule("([m|l])ouse$", "$1ice"),
      rule("^foot$", "feet"), rule("^tooth$", "teeth"), rule("^goose$", "geese"), rule("(quiz)$", "$1zes"),
      rule("^(whereas)$", "$1es"), rule("^(criteri)on$", "$1a"), rule("^genus$", "genera"),
      rule("s$", "s"), rule("$", "s"));

  private Inflection() {
  }

  /** The plural of {@code word} as {@code inflection.pluralize(word)} gives it. */
  public static String pluralize(String word) {
    if (UNCOUNTABLE.contains(word.toLowerCase(Locale.ROOT))) {
      return word;
    }
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(word);
      if (matcher.find()) {
        // Java, like JS, substitutes an empty string for a group that did not take part in the match.
        return rule.replacement() == null ? word : matcher.replaceAll(rule.replacement());
      }
    }
    return word;
  }

  private static Rule keep(String jsSource) {
    return new Rule(compile(jsSource), null);
  }

  private static Rule rule(String jsSource, String replacement) {
    return new Rule(compile(jsSource), replacement);
  }

  /** A JS {@code /source/gi}: JS's {@code $} (no m flag) matches only at the very end, Java's {@code \z}. */
  private static Pattern compile(String jsSource) {
    String source = jsSource.endsWith("$") ? jsSource.substring(0, jsSource.length() - 1) + "\\z" : jsSource;
    return Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
