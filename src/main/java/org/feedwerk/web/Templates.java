package org.feedwerk.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The precompiled JTE templates of the site and the console, and the one way to render one to a string. */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    public static String render(String template, Object model) {
        StringOutput output = new StringOutput();
        ENGINE.render(template, model, output);
        return output.toString();
    }
}
