package org.feedwerk.publish;

import java.time.Instant;

/** An article taken off the site: by the source (canceled) or by an operator, with the reason. */
public record Withdrawal(String articleId, String reason, String actor, Instant withdrawnAt) {}
