package dev.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.junit.jupiter.api.Test;

class TextTest {

    /** Every kind of character the collapse treats apart, and ordinary ones around them. */
    private static final String ALPHABET = " \t\n\f\r\u000B\u00A0\u200B\u200C\u200D\u00AD\u2003\u3000"
            + "aé€’«»Z9.-\uD83D\uDE00\uD835\uDC00\uD800\uDC00";
    private static final String PROSE = "le sommet de l’APEC à Shanghai ";

    @Test
    void normalisesWhitespaceExactlyAsJsoupDoes() {
        Random random = new Random(20261125);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            // Now and then longer than the chunks the first pass reads.
            int length = random.nextInt(i % 10 == 0 ? 700 : 40);
            boolean mostlyLetters = random.nextBoolean();
            for (int k = 0; k < length; k++) {
                // Half the texts read as prose, with few of the characters the collapse changes.
                char c = mostlyLetters && random.nextInt(8) > 0 ? PROSE.charAt(random.nextInt(PROSE.length()))
                        : ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                text.append(c);
                if (Character.isHighSurrogate(c) && random.nextInt(4) > 0) {
                    text.append(ALPHABET.charAt(ALPHABET.indexOf(c) + 1));
                }
            }
            String input = text.toString();
            assertEquals(StringUtil.normaliseWhitespace(input).strip(), Text.normalised(input),
                    () -> "for " + input.codePoints().mapToObj(Integer::toHexString).toList());
        }
    }

    @Test
    void plainTextReadsAsTheSameTextInHtmlWould() {
        String text = " \u00A0Le\t\tsommet de l’APEC\u200B à Shanghai \n\n annonce\u00AD une   instance"
                + " mondiale 🤖 ";
        String escaped = text.replace("&", "&amp;");
        assertEquals(Jsoup.parse(escaped + "<!-- -->").text(), Text.plain(text));
        assertEquals(Jsoup.parseBodyFragment(escaped + "<b></b>").body().text(), Text.clean(text, null).text());
    }
}
