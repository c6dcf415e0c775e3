package dev.newsflow.enrich.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FoldedTextTest {

    @Test
    void foldsCaseAndAccents() {
        assertEquals("pekin, etats-unis, regulation", FoldedText.fold("Pékin, États-Unis, RÉGULATION"));
    }

    @Test
    void foldsDecomposedAccentsLikeComposedOnes() {
        // "é" written as e + combining acute accent, as some feeds send it.
        assertEquals(FoldedText.fold("Pékin"), FoldedText.fold("Pe\u0301kin"));
    }

    @Test
    void foldsEveryApostropheToOne() {
        assertEquals("l'ia d'alibaba l'apec", FoldedText.fold("l’IA d'Alibaba l\u02BCAPEC"));
    }

    @Test
    void foldsDashesAndCollapsesWhitespace() {
        assertEquals("open-source ai new york", FoldedText.fold("open\u2011source\u00A0AI  New\n\tYork"));
        // French typography's narrow no-break space before a colon, and the minus sign.
        assertEquals("apec : -2 %", FoldedText.fold("APEC\u202F:\u2009\u22122\u202F%"));
    }

    @Test
    void expandsLigaturesAndSharpS() {
        assertEquals("coeur strasse", FoldedText.fold("cœur Straße"));
    }

    @Test
    void mapsFoldedOffsetsBackToTheOriginal() {
        String original = "Le  cœur de l’Œuvre à Pékin";
        FoldedText text = FoldedText.of(original);
        int at = text.folded().indexOf("pekin");
        assertEquals("Pékin", original.substring(text.originalStart(at), text.originalEnd(at + 5)));
        int oeuvre = text.folded().indexOf("oeuvre");
        assertEquals("Œuvre", original.substring(text.originalStart(oeuvre), text.originalEnd(oeuvre + 6)));
    }

    @Test
    void keepsOffsetsRightAfterCharactersOutsideTheBasicPlane() {
        String original = "🚀 Pékin";
        FoldedText text = FoldedText.of(original);
        int at = text.folded().indexOf("pekin");
        assertEquals("Pékin", original.substring(text.originalStart(at), text.originalEnd(at + 5)));
    }

    @Test
    void aTextFoldedIntoReusedBuffersReadsAsIfFoldedAlone() {
        FoldedText.Buffers buffers = new FoldedText.Buffers();
        // Long enough to grow the arrays ("ß" folds to two characters), then shorter texts over what it left,
        // the last ending on a lone surrogate, which what the text before it left must not pair.
        String[] texts = {"Straße ".repeat(40) + "à Pékin", "Le  cœur de l’Œuvre", "🚀 Pékin", "Pékin🚀",
                "APEC \uD83D", ""};
        for (String original : texts) {
            FoldedText alone = FoldedText.of(original);
            FoldedText reused = FoldedText.of(original, buffers);
            assertEquals(alone.folded(), reused.folded(), original);
            for (int k = 0; k < alone.length(); k++) {
                assertEquals(alone.originalStart(k), reused.originalStart(k), original + " at " + k);
                assertEquals(alone.originalEnd(k + 1), reused.originalEnd(k + 1), original + " at " + k);
            }
        }
    }
}
