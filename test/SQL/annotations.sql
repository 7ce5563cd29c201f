-- RUN: bk-opt %s | FileCheck %s
-- RUN: bk-opt %s | bk-opt | FileCheck %s

-- `-- bk:` and sqldef's `-- @renamed from=` comments right before an object
-- are kept in the IR as its annotations; other comments are not.

-- An ordinary comment.
-- bk:owner team-a
-- @renamed from=people
CREATE TABLE users (
  -- @renamed from=login
  name text,
  /* not an annotation */
  -- bk:pii
  email text,
  -- bk:why "one per email"
  CONSTRAINT users_email_key UNIQUE (email)
);
-- bk:hot
CREATE INDEX users_name_idx ON users (name);
-- bk:deprecated
CREATE VIEW v AS SELECT 1;

-- CHECK:      table users [annotations = ("bk:owner team-a", "@renamed from=people")] {
-- CHECK-NEXT:   column name text [annotations = ("@renamed from=login")];
-- CHECK-NEXT:   column email text [annotations = ("bk:pii")];
-- CHECK-NEXT:   unique users_email_key (email) [annotations = ("bk:why \"one per email\"")];
-- CHECK-NEXT:   index users_name_idx [annotations = ("bk:hot")] {
-- CHECK:        view v [query = "SELECT 1", annotations = ("bk:deprecated")];
