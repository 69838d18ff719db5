/**
 * The data groups A–H of a case (PROCESS.md) and the field of a case view that holds each: one table for the
 * core (src/core/model.ts re-exports it, typed against its CaseRecord) and every client that reads a view.
 * Plain data, ES5-safe.
 */
export const DATA_GROUPS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export type DataGroup = (typeof DATA_GROUPS)[number];

/** The record field that holds each group: the one map from groups to storage and to a view's fields. */
export const GROUP_FIELD = {
  A: 'frame',
  B: 'concern',
  C: 'identity',
  D: 'enrichment',
  E: 'discussion',
  F: 'contact',
  G: 'followUp',
  H: 'reflection',
} as const satisfies Record<DataGroup, string>;
export type GroupField = (typeof GROUP_FIELD)[DataGroup];

/** A JSON value as a view's groups hold it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A case view read by its groups: each permitted group's fields under its GROUP_FIELD, absent when not permitted. */
export type GroupFields = { [F in GroupField]?: { [key: string]: Json } };
