package io.livemodel.relation;

import io.livemodel.filter.Filter;
import java.util.List;

/**
 * One planned include: a relation, the query to run on its target (the include's {@code scope}
 * merged with the relation's own scope, fields widened by the keys the join needs), and the
 * includes to run on the rows found.
 *
 * @param scope where, order and fields go to the store; limit and skip are applied per parent, as
 *     juggler's one-query-per-key paging does
 * @param simpleHasMany juggler's fast path (a hasMany with no sub-include), which refuses parents
 *     without the key instead of giving them an empty list
 */
record IncludeNode(RelationDefinition relation, Filter scope, List<IncludeNode> children, boolean simpleHasMany) {
}
