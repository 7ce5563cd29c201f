-- RUN: bk-opt %s | FileCheck %s
-- RUN: bk-opt %s | bk-opt | FileCheck %s
-- RUN: bk-opt %s | FileCheck %s --check-prefix=TRAIL

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

-- sqldef's own placement: at the end of the line that ends the object (after
-- a column's comma, after the table's opening parenthesis). Such a trailing
-- comment belongs to the object before it, not to the next one.
CREATE TABLE accounts ( -- @renamed from=user_accounts
  id bigint, -- @renamed from=uid
  username text, -- @renamed from=user_name
  age integer -- @renamed from=years
);

-- TRAIL:      table accounts [annotations = ("@renamed from=user_accounts")] {
-- TRAIL-NEXT:   column id bigint [annotations = ("@renamed from=uid")];
-- TRAIL-NEXT:   column username text [annotations = ("@renamed from=user_name")];
-- TRAIL-NEXT:   column age integer [annotations = ("@renamed from=years")];
