package io.livemodel.crud;

/** The write methods of LoopBack's PersistedModel REST API. */
public enum WriteOp {
  /** POST /Models: object or array body. */
  CREATE,
  /** PUT /Models and POST /Models/replaceOrCreate. */
  REPLACE_OR_CREATE,
  /** PATCH /Models (upsert). */
  PATCH_OR_CREATE,
  /** PUT /Models/:id and POST /Models/:id/replace. */
  REPLACE_BY_ID,
  /** PATCH /Models/:id (prototype.patchAttributes). */
  PATCH_BY_ID,
  /** POST /Models/upsertWithWhere. */
  UPSERT_WITH_WHERE,
  /** POST /Models/update (updateAll). */
  UPDATE_ALL,
  /** DELETE /Models/:id. */
  DELETE_BY_ID
}
