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

    @Test
    void collapsesWhitespaceExactlyAsJsoupDoes() {
        Random random = new Random(20261125);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                text.append(c);
                if (Character.isHighSurrogate(c) && random.nextInt(4) > 0) {
                    text.append(ALPHABET.charAt(ALPHABET.indexOf(c) + 1));
                }
            }
            String input = text.toString();
            assertEquals(StringUtil.normaliseWhitespace(input), Text.collapseWhitespace(input),
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
