package dev.newsflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PipelineBenchOptionsTest {

    @Test
    void refusesABurstWhoseFeedsCannotShowAllTheirArticlesAtOnce() {
        var e = assertThrows(IllegalArgumentException.class, () -> PipelineBench.Options.parse(
                new String[] {"--articles", "60000", "--feeds", "100"}));
        assertTrue(e.getMessage().contains("600 articles a feed exceed --window 400"), e.getMessage());
    }

    @Test
    void takesAWideEnoughWindowOrASteadyRate() {
        var burst = PipelineBench.Options.parse(new String[] {"--articles", "60000", "--window", "600"});
        assertEquals(60000, burst.articles());
        var steady = PipelineBench.Options.parse(new String[] {"--articles", "60000", "--rate", "200"});
        assertEquals(200, steady.rate());
    }
}
