package dev.newsflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PipelineBenchOptionsTest {

    @Test
    void refusesABurstWhoseFeedsCannotShowAllTheirArticlesAtOnce() {
        var e = assertThrows(IllegalArgumentException.class, () -> PipelineBench.Options.parse(
                new String[] {"--articles", "40000", "--feeds", "100"}));
        assertTrue(e.getMessage().contains("400 articles a feed exceed --window 200"), e.getMessage());
    }

    @Test
    void takesAWideEnoughWindowOrASteadyRate() {
        var burst = PipelineBench.Options.parse(new String[] {"--articles", "40000", "--window", "400"});
        assertEquals(40000, burst.articles());
        var steady = PipelineBench.Options.parse(new String[] {"--articles", "40000", "--rate", "200"});
        assertEquals(200, steady.rate());
    }
}
