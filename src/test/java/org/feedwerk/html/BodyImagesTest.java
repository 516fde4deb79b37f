package org.feedwerk.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyImagesTest {
    @Test
    void picturesBecomeLinksToWhereTheyAre() {
        assertThat(BodyImages.asLinks("<figure><img src=\"https://i.example/a.jpg\" alt=\"A ferry\">"
                        + "<figcaption>Caption</figcaption></figure><p>Text <img src=\"https://i.example/b.png\"></p>"))
                .isEqualTo("<figure><a href=\"https://i.example/a.jpg\" class=\"bild\" rel=\"noopener noreferrer "
                        + "nofollow\">Bild: A ferry</a><figcaption>Caption</figcaption></figure><p>Text <a "
                        + "href=\"https://i.example/b.png\" class=\"bild\" rel=\"noopener noreferrer nofollow\">Bild "
                        + "beim Original ansehen</a></p>");
        assertThat(BodyImages.asLinks("<p>No pictures.</p>")).isEqualTo("<p>No pictures.</p>");
    }
}
