#!/usr/bin/env python3
"""bench/job-data.py - IMDB-shaped data for the Join Order Benchmark (JOB).

    bench/job-data.py [--scale S] [--seed N] [--dbname NAME] [--recreate]

Creates the database NAME (default `job`) if it is missing (drops and
recreates it with --recreate), loads the JOB schema
(../shared/corpus/sql/job/schema.sql: 21 tables, no foreign keys, no
secondary indexes) and fills every table on the server with
INSERT ... SELECT ... FROM generate_series(...), so no data crosses the
socket; then VACUUM (ANALYZE), so statistics and visibility maps look like a
freshly loaded real database. Prints each table's row count and load time,
and the database size. The server is reached with psql and the libpq
environment (PGHOST, PGPORT, PGUSER; PGDATABASE names the maintenance
database used for CREATE DATABASE, default `postgres`).

Scale 1.0 gives the real IMDB row counts JOB uses (title 2,528,312,
cast_info 36,244,344, ...); the default, 0.1, loads in a few minutes on two
cores. The six small dimension tables (kind_type, company_type, role_type,
comp_cast_type, info_type, link_type) always hold their real IMDB contents
with the real ids, and movie_info_idx always has 250 'top 250 rank' and
10 'bottom 10 rank' rows.

Distributions:
- ids are popularity ranks: a foreign-key-like column (movie_id, person_id,
  keyword_id, company_id, person_role_id, linked_movie_id, episode_of_id)
  takes id floor(n * u^k) + 1 for uniform u, so P(id <= x) = (x/n)^(1/k):
  id 1 is the most referenced and every id has some share (k = 2 for movies
  and people, 3 for keywords and companies). The column a child table is
  stored by (movie_id, or person_id for cast_info, person_info, aka_name)
  uses the stratified u = (row - 1 + random()) / rows instead, so it is
  non-decreasing in physical order with the same distribution, as in the
  real dump (high pg_stats.correlation).
- low-cardinality columns are weighted choices modelled on IMDB: kind_id
  (most titles are episodes, the popular fifth mostly movies),
  cast_info.role_id (by the person's gender: actor/actress first),
  movie_info.info_type_id (release dates, genres, runtimes, countries, ...
  over 70 types), person_info.info_type_id (birth notes, birth date,
  trivia, mini biography, height, ...), company_type_id, link_type_id,
  complete_cast subject/status; production_year is 2013 (the year of the
  IMDB snapshot) minus an exponential gap of mean 18 years (median 2001,
  15% after 2010), 3% in 2014-2019, 6% NULL; notes are mostly NULL, else
  built from realistic parts ('(2006) (USA) (theatrical)', '(voice)',
  '(executive producer)', ...).
- every string literal the 113 queries compare a column with (=, !=, IN,
  LIKE, NOT LIKE; extracted with regular expressions from
  queries/*.sql, LIKE patterns turned into a matching value) occurs in that
  column: for names, titles, keywords and companies the literals take the
  ids 2, 2 + step, 2 + 2 step, ... (popular rows, so the queries' joins
  meet them) and are also mixed into the other rows at a low rate; for notes
  and infos they are mixed in at a low rate. The rest is synthetic
  ('Dark River 3', 'Nakamura, Yoko', 'fire-night-12345').
- a character's name is one char_name row, as in IMDB ('Himself' is a
  single row shared by many credits): names are nearly unique (the stock
  characters once each at the most referenced ids, then 'Yoko Nakamura
  12345', a query's character literal at a popular id and very rarely
  elsewhere), so ANALYZE counts about as many distinct names as rows and
  `chn.name = 'Queen'` is estimated at a row, not at a thousandth of the
  table.

Deterministic for a given --seed: each table is filled in its own psql
session that first calls setseed() with a value derived from the seed and
the table, with parallel query off, so random() is drawn in row order; a
person's gender is a hash (hashint4) of the person id and the seed, so
name.gender and cast_info.role_id agree. The helper functions live in
pg_temp and vanish with the session.
"""

import argparse
import glob
import os
import re
import subprocess
import sys
import time

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JOB = os.path.join(os.path.dirname(SRC), 'shared', 'corpus', 'sql', 'job')

REAL_ROWS = {
    'kind_type': 7, 'company_type': 4, 'role_type': 12, 'comp_cast_type': 4,
    'info_type': 113, 'link_type': 18,
    'title': 2528312, 'name': 4167491, 'char_name': 3140339,
    'company_name': 234997, 'keyword': 134170,
    'movie_companies': 2609129, 'movie_info': 14835720,
    'movie_info_idx': 1380035, 'movie_keyword': 4523930,
    'movie_link': 29997, 'complete_cast': 135086, 'aka_title': 361472,
    'cast_info': 36244344, 'person_info': 2963664, 'aka_name': 901343,
}

# --- the real contents of the dimension tables, ids as in IMDB -------------

KIND_TYPES = ['movie', 'tv series', 'tv movie', 'video movie',
              'tv mini series', 'video game', 'episode']
COMPANY_TYPES = ['distributors', 'production companies',
                 'special effects companies', 'miscellaneous companies']
ROLE_TYPES = ['actor', 'actress', 'producer', 'writer', 'cinematographer',
              'composer', 'costume designer', 'director', 'editor',
              'miscellaneous crew', 'production designer', 'guest']
COMP_CAST_TYPES = ['cast', 'crew', 'complete', 'complete+verified']
LINK_TYPES = ['follows', 'followed by', 'remake of', 'remade as',
              'references', 'referenced in', 'spoofs', 'spoofed in',
              'features', 'featured in', 'spin off from', 'spin off',
              'version of', 'similar to', 'edited into', 'edited from',
              'alternate language version of', 'unknown link']
INFO_TYPES = (
    ['runtimes', 'color info', 'genres', 'languages', 'certificates',
     'sound mix', 'tech info', 'countries', 'taglines', 'keywords',
     'alternate versions', 'crazy credits', 'goofs', 'soundtrack', 'quotes',
     'release dates', 'trivia', 'locations', 'mini biography', 'birth notes',
     'birth date', 'height', 'death date', 'spouse', 'other works',
     'birth name', 'salary history', 'nick names', 'books', 'agent address',
     'biographical movies', 'portrayed in', 'where now', 'trade mark',
     'interviews', 'article', 'magazine cover photo', 'pictorial',
     'death notes']
    + ['LD ' + s for s in [
        'disc format', 'year', 'digital sound', 'official retail price',
        'frequency response', 'pressing plant', 'length', 'language',
        'review', 'spaciality', 'release date', 'production country',
        'contrast', 'color rendition', 'picture format', 'video noise',
        'video artifacts', 'release country', 'sharpness', 'dynamic range',
        'audio noise', 'color information', 'group genre', 'quality program',
        'close captions-teletext-ld-g', 'category', 'analog left',
        'certification', 'audio quality', 'video quality', 'aspect ratio',
        'analog right', 'additional information', 'number of chapter stops',
        'dialogue intellegibility', 'disc size', 'master format', 'subtitles',
        'status of availablility', 'quality of source', 'number of sides',
        'video standard', 'supplement', 'original title', 'sound encoding',
        'number', 'label', 'catalog number', 'laserdisc title']]
    + ['screenplay-teleplay', 'novel', 'adaption', 'book',
       'production process protocol', 'printed media reviews', 'essays',
       'other literature', 'mpaa', 'plot', 'votes distribution', 'votes',
       'rating', 'production dates', 'copyright holder', 'filming dates',
       'budget', 'weekend gross', 'gross', 'opening weekend', 'rentals',
       'admissions', 'studios', 'top 250 rank', 'bottom 10 rank'])
INFO = {name: i + 1 for i, name in enumerate(INFO_TYPES)}
DIMENSIONS = {  # table: (column, values)
    'kind_type': ('kind', KIND_TYPES),
    'company_type': ('kind', COMPANY_TYPES),
    'role_type': ('role', ROLE_TYPES),
    'comp_cast_type': ('kind', COMP_CAST_TYPES),
    'info_type': ('info', INFO_TYPES),
    'link_type': ('link', LINK_TYPES),
}

# --- weights (share of rows) modelled on IMDB ------------------------------

KIND_HEAD = {1: .55, 2: .08, 3: .08, 4: .07, 5: .01, 6: .01, 7: .20}
KIND_TAIL = {1: .1875, 2: .03, 3: .0425, 4: .045, 5: .0025, 6: .005, 7: .6875}
COMPANY_TYPE_W = {1: .55, 2: .38, 3: .03, 4: .04}
LINK_TYPE_W = {1: .13, 2: .13, 3: .05, 4: .05, 5: .17, 6: .17, 7: .03,
               8: .03, 9: .08, 10: .08, 11: .01, 12: .01, 13: .03, 14: .005,
               15: .02, 16: .02, 17: .005, 18: .005}
ROLE_W = {  # by gender: m, f, NULL (a crew name)
    'm': {1: .58, 3: .09, 4: .06, 5: .03, 6: .03, 7: .005, 8: .045, 9: .025,
          10: .11, 11: .008, 12: .012},
    'f': {2: .55, 3: .10, 4: .05, 5: .01, 6: .01, 7: .04, 8: .03, 9: .03,
          10: .15, 11: .01, 12: .02},
    None: {3: .25, 4: .10, 5: .05, 6: .10, 8: .05, 9: .05, 10: .35, 11: .05},
}
MOVIE_INFO_W = {  # thousands of rows in the real movie_info
    'release dates': 2900, 'genres': 1460, 'runtimes': 1200,
    'countries': 1060, 'color info': 1060, 'languages': 950,
    'tech info': 740, 'trivia': 680, 'quotes': 660, 'locations': 620,
    'certificates': 560, 'sound mix': 500, 'plot': 470, 'goofs': 370,
    'soundtrack': 300, 'taglines': 200, 'filming dates': 200, 'gross': 130,
    'production dates': 100, 'budget': 70, 'opening weekend': 70,
    'alternate versions': 60, 'crazy credits': 50, 'weekend gross': 30,
    'admissions': 30, 'studios': 30, 'copyright holder': 20, 'mpaa': 12,
    'rentals': 5, 'screenplay-teleplay': 20, 'novel': 20, 'adaption': 10,
    'book': 10, 'production process protocol': 10,
    'printed media reviews': 20, 'essays': 5, 'other literature': 10,
    **{t: 2 for t in INFO_TYPES if t.startswith('LD ')},
}
PERSON_INFO_W = {  # thousands of rows in the real person_info
    'birth notes': 700, 'birth date': 550, 'trivia': 450,
    'mini biography': 350, 'height': 210, 'death date': 200,
    'birth name': 120, 'death notes': 120, 'other works': 100,
    'spouse': 70, 'quotes': 70, 'nick names': 40, 'trade mark': 30,
    'article': 30, 'magazine cover photo': 30, 'interviews': 20,
    'salary history': 10, 'books': 10, 'agent address': 10,
    'biographical movies': 10, 'portrayed in': 10, 'pictorial': 10,
    'where now': 5,
}
COUNTRY_CODES = {
    '[us]': .30, None: .22, '[gb]': .06, '[de]': .05, '[fr]': .05,
    '[ca]': .04, '[jp]': .03, '[it]': .03, '[in]': .025, '[es]': .02,
    '[au]': .02, '[nl]': .015, '[se]': .012, '[ru]': .012, '[br]': .012,
    '[mx]': .01, '[dk]': .008, '[pl]': .008, '[ar]': .008, '[kr]': .008,
    '[no]': .007, '[fi]': .007, '[be]': .007, '[at]': .006, '[ch]': .006,
    '[hk]': .006, '[cn]': .006, '[tr]': .006, '[gr]': .005, '[pt]': .004,
    '[ie]': .004, '[nz]': .004, '[cz]': .004, '[hu]': .004, '[ph]': .004,
    '[il]': .003, '[za]': .003, '[bg]': .002, '[sm]': .0005,
}
GENRES = {
    'Drama': .17, 'Comedy': .14, 'Short': .12, 'Documentary': .09,
    'Romance': .04, 'Action': .04, 'Thriller': .04, 'Crime': .04,
    'Adult': .03, 'Horror': .03, 'Family': .03, 'Animation': .03,
    'Adventure': .03, 'Music': .03, 'Reality-TV': .02, 'Talk-Show': .02,
    'Mystery': .02, 'Fantasy': .02, 'Sci-Fi': .02, 'News': .02,
    'Game-Show': .015, 'Biography': .01, 'History': .01, 'Sport': .01,
    'Musical': .01, 'War': .01, 'Western': .008, 'Film-Noir': .001,
}
COUNTRIES = {
    'USA': .30, 'UK': .07, 'France': .05, 'Germany': .05, 'Canada': .04,
    'Japan': .04, 'Italy': .035, 'India': .03, 'Spain': .03,
    'Australia': .025, 'Mexico': .02, 'Sweden': .015, 'Netherlands': .015,
    'Brazil': .015, 'Denmark': .012, 'Norway': .01, 'Finland': .01,
    'Argentina': .01, 'South Korea': .01, 'Hong Kong': .01, 'Russia': .01,
    'West Germany': .01, 'Philippines': .01, 'Belgium': .008,
    'Austria': .008, 'Switzerland': .008, 'Poland': .008, 'Turkey': .008,
    'Greece': .006, 'China': .006, 'Soviet Union': .005, 'Portugal': .005,
    'Hungary': .005, 'Czech Republic': .005, 'Ireland': .004,
    'New Zealand': .004, 'Bulgaria': .003, 'Israel': .003, 'Iran': .003,
}
LANGUAGES = {
    'English': .50, 'Spanish': .06, 'French': .06, 'German': .05,
    'Japanese': .04, 'Italian': .03, 'Portuguese': .02, 'Hindi': .02,
    'Mandarin': .02, 'None': .02, 'Russian': .015, 'Swedish': .015,
    'Dutch': .012, 'Danish': .01, 'Korean': .01, 'Norwegian': .008,
    'Cantonese': .008, 'Finnish': .008, 'Polish': .008, 'Turkish': .006,
    'Tagalog': .006, 'Arabic': .006, 'Greek': .005, 'Hungarian': .005,
    'Czech': .004, 'Hebrew': .003, 'Persian': .003,
}

# --- synthetic parts (earlier entries are picked more often) ---------------

WORDS = ['Love', 'Night', 'Last', 'House', 'Day', 'Life', 'Story', 'Blood',
         'Dark', 'Girl', 'World', 'Time', 'Return', 'King', 'Dead', 'City',
         'Road', 'Home', 'Secret', 'Lost', 'Black', 'Heart', 'Fire', 'Dream',
         'Summer', 'Water', 'Island', 'Shadow', 'War', 'Moon', 'Star',
         'Angel', 'Game', 'Devil', 'Family', 'River', 'Winter', 'Red',
         'Ghost', 'Edge']
SURNAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller',
            'Davis', 'Garcia', 'Rodriguez', 'Wilson', 'Martinez', 'Anderson',
            'Taylor', 'Thomas', 'Hernandez', 'Moore', 'Martin', 'Jackson',
            'Thompson', 'White', 'Lopez', 'Lee', 'Gonzalez', 'Harris',
            'Clark', 'Lewis', 'Robinson', 'Walker', 'Perez', 'Hall', 'Young',
            'Allen', 'Sanchez', 'Wright', 'King', 'Scott', 'Green', 'Baker',
            'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts',
            'Carter', 'Evans', 'Turner', 'Müller', 'Schmidt', 'Schneider',
            'Fischer', 'Weber', 'Wagner', 'Becker', 'Dupont', 'Bernard',
            'Rossi', 'Russo', 'Tanaka', 'Suzuki', 'Sato', 'Takahashi',
            'Watanabe', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Yoshida',
            'Ivanov', 'Petrov', 'Kowalski', 'Nowak', 'Hansen', 'Johansson',
            'Andersson', 'Nielsen', 'Jensen', 'Larsen', 'Silva', 'Santos',
            'Kumar', 'Singh', 'Kim', 'Park', 'Chen', 'Wang', 'Zhang', 'Liu',
            'Yang', 'Huang', 'Zhou', 'Xu', 'Khan', 'Bertrand', 'Angelis']
MALE = ['John', 'Michael', 'David', 'James', 'Robert', 'William', 'Richard',
        'Thomas', 'Mark', 'Paul', 'Peter', 'George', 'Steven', 'Daniel',
        'Tony', 'Tim', 'Bert', 'Jason', 'Hans', 'Pierre', 'Giovanni',
        'Hiroshi', 'Takeshi', 'Yoshio', 'Ivan', 'Jan', 'Lars', 'Carlos',
        'Raj', 'Yuki', 'Antonio', 'Andrew', 'Anthony', 'Frank', 'Jack',
        'Joe', 'Charles', 'Chris', 'Brian', 'Zoltan']
FEMALE = ['Mary', 'Anna', 'Maria', 'Linda', 'Elizabeth', 'Susan', 'Jennifer',
          'Sarah', 'Karen', 'Lisa', 'Emma', 'Julia', 'Laura', 'Angela',
          'Angelina', 'Yoko', 'Yoshiko', 'Akiko', 'Keiko', 'Ingrid',
          'Sophie', 'Marie', 'Claudia', 'Barbara', 'Helen', 'Nancy',
          'Monica', 'Andrea', 'Christine', 'Kate', 'Jane', 'Alice', 'Olga',
          'Eva', 'Ana', 'Yumi', 'Yuko', 'Rosa', 'Carmen', 'Xenia']
CHARACTERS = ['Himself', 'Herself', 'Narrator', 'Doctor', 'Nurse',
              'Policeman', 'Reporter', 'Waitress', 'Bartender', 'Guard',
              'Soldier', 'Student', 'Mother', 'Father', 'Party Guest',
              'Dancer', 'Singer', 'Host', 'Man', 'Woman', 'Girl', 'Boy',
              'Detective', 'Priest', 'Judge', 'Lawyer', 'Driver',
              'Secretary', 'Businessman', 'Various']
COMPANY_SUFFIXES = ['Productions', 'Films', 'Pictures', 'Film',
                    'Entertainment', 'Studios', 'Media', 'Television',
                    'Distribution', 'Home Video', 'Filmproduktion',
                    'International', 'Company', 'Releasing', 'Channel']
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
          'August', 'September', 'October', 'November', 'December']
REGIONS = ['USA', 'worldwide', 'UK', 'Germany', 'France', 'Japan', 'Canada',
           'Italy', 'Spain', 'Netherlands', 'Sweden', 'Australia', 'Brazil']
MEDIA = ['theatrical', 'DVD', 'TV', 'video', 'VHS', 'Blu-ray', 'all media']
PRODUCTION_NOTES = ['(co-production)', '(presents)', '(in association with)',
                    '(as Metro-Goldwyn-Mayer Pictures)', '(uncredited)',
                    '(production)', '(with the participation of)']
ACTOR_NOTES = ['(uncredited)', '(voice)', '(archive footage)',
               '(credit only)', '(voice) (uncredited)',
               '(voice: English version)', '(as a child)',
               '(voice: Japanese version)']
WRITER_NOTES = ['(written by)', '(screenplay)', '(story)', '(writer)',
                '(novel)', '(teleplay)', '(creator)', '(head writer)',
                '(story editor)', '(characters)', '(play)']
PRODUCER_NOTES = ['(producer)', '(executive producer)', '(co-producer)',
                  '(associate producer)', '(line producer)',
                  '(supervising producer)']
RELEASE_NOTES = ['(premiere)', '(limited)', '(internet)', '(festival)',
                 '(DVD premiere)', '(TV premiere)', '(re-release)',
                 '(video premiere)']
SOUND_MIXES = ['Stereo', 'Mono', 'Dolby Digital', 'Dolby', 'DTS', 'Dolby SR']
CERTIFICATES = ['PG', 'PG-13', 'R', 'G', '12', '15', '16', '18', 'K-12', 'T']
AKA_NOTES = REGIONS + ['working title', 'alternative title', 'original title']
BIOGRAPHERS = ['Anonymous', 'IMDb Mini Biography', 'Volker Boehm',
               'Pedro Borges', 'Ed Stephan', 'Jim Beaver', 'Kathy Smith']

# --- literals of the queries -------------------------------------------------

PREDICATE = re.compile(
    r"\b(\w+)\.(\w+)\s*(NOT\s+LIKE|LIKE|!=|<>|=|IN)\s*"
    r"(\(\s*'[^']*'(?:\s*,\s*'[^']*')*\s*\)|'[^']*')",
    re.I)
ALIAS = re.compile(r'\b(\w+)\s+AS\s+(\w+)\b', re.I)


def query_literals(queries_dir):
    """{(table, column): example values} for the queries' string
    comparisons, the most often mentioned first; a LIKE pattern becomes a
    value it matches, and values shorter than three characters are left to
    the synthetic data."""
    found = {}
    for path in sorted(glob.glob(os.path.join(queries_dir, '*.sql'))):
        sql = open(path, encoding='utf-8').read()
        from_part = re.search(r'\bFROM\b(.*?)\bWHERE\b', sql, re.S | re.I)
        tables = {a: t for t, a in ALIAS.findall(from_part.group(1))}
        for alias, column, op, rhs in PREDICATE.findall(sql):
            if alias not in tables:
                continue
            like = 'LIKE' in op.upper()
            for value in re.findall(r"'([^']*)'", rhs):
                if like:
                    value = re.sub('%+', ' ', value.strip('%'))
                if len(value) >= 3 or (value and not like):
                    counts = found.setdefault((tables[alias], column), {})
                    counts[value] = counts.get(value, 0) + 1
    return {key: sorted(counts, key=lambda v: (-counts[v], v))
            for key, counts in found.items()}


def check_dimensions(literals):
    """Warns about query literals that no real dimension value matches."""
    for table, (column, values) in DIMENSIONS.items():
        for lit in literals.get((table, column), []):
            if not any(all(p in v for p in lit.split(' ')) for v in values):
                print(f'note: {table}.{column} has no value like {lit!r} '
                      f'(in IMDB neither)')


# --- SQL building blocks -----------------------------------------------------

def q(value):
    return 'NULL' if value is None else "'" + value.replace("'", "''") + "'"


def array(values, cast='text[]'):
    return 'ARRAY[%s]::%s' % (', '.join(
        q(v) if v is None or isinstance(v, str) else str(v)
        for v in values), cast)


def pick(values, k=1.0):
    """One of values, the first ones most often (k > 1 skews more)."""
    return f'pg_temp.pick({array(values)}, {k})'


def choose(weights, cast='text[]'):
    """One of the keys of weights, with probability proportional to its
    weight."""
    total = sum(weights.values())
    starts, acc = [], 0.0
    for w in weights.values():
        starts.append(round(acc / total, 6))
        acc += w
    return (f'pg_temp.choose({array(list(weights), cast)}, '
            f'{array(starts, "float8[]")})')


def mixed(expr, lits, rate):
    """expr, except that a row takes one of lits with probability rate."""
    if not lits:
        return expr
    return f'CASE WHEN random() < {rate} THEN {pick(lits)} ELSE {expr} END'


def placed(expr, lits, step, rate, row='g'):
    """expr, except that rows 2, 2 + step, ... (popular ids) take lits in
    turn, and other rows take one of lits with probability rate."""
    if not lits:
        return expr
    return (f'CASE WHEN ({row} - 2) % {step} = 0 '
            f'AND ({row} - 2) / {step} < {len(lits)} '
            f'THEN ({array(lits)})[({row} - 2) / {step} + 1] '
            f'ELSE {mixed(expr, lits, rate)} END')


PRELUDE = """
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = warning;
SELECT setseed({fraction}) \\g /dev/null
-- popularity rank 1..n: P(id <= x) = (x/n)^(1/k), id 1 the most frequent
CREATE FUNCTION pg_temp.zipf(n int, k float8) RETURNS int LANGUAGE sql
  AS $$ SELECT floor(n * power(random(), k))::int + 1 $$;
-- the same distribution, non-decreasing in the row number g of rows rows
CREATE FUNCTION pg_temp.zipf_sorted(g bigint, rows bigint, n int, k float8)
  RETURNS int LANGUAGE sql
  AS $$ SELECT floor(n * power((g - 1 + random()) / rows, k))::int + 1 $$;
-- an element of a, the first ones most often
CREATE FUNCTION pg_temp.pick(a anyarray, k float8) RETURNS anyelement
  LANGUAGE sql AS $$ SELECT a[floor(cardinality(a) * power(random(), k))::int + 1] $$;
-- a[i] with probability starts[i+1] - starts[i] (starts[1] = 0)
CREATE FUNCTION pg_temp.choose(a anyarray, starts float8[]) RETURNS anyelement
  LANGUAGE sql AS $$ SELECT a[width_bucket(random(), starts)] $$;
-- a person's gender, a hash of the id: 60% m, 29% f, 11% NULL
CREATE FUNCTION pg_temp.gender(person int) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT CASE WHEN hashint4(person + {seed}) & 1023 < 614 THEN 'm'
                    WHEN hashint4(person + {seed}) & 1023 < 911 THEN 'f' END $$;
-- a soundex-like code: 'D532'
CREATE FUNCTION pg_temp.code(initial text) RETURNS text LANGUAGE sql
  AS $$ SELECT upper(left(initial, 1)) || (100 + floor(random() * 900))::int $$;
-- a year: 2013 (the IMDB snapshot's) minus an exponential gap of mean 18
-- (median 2001, none before 1880), or 3% announced for 2014-2019
CREATE FUNCTION pg_temp.year() RETURNS int LANGUAGE sql
  AS $$ SELECT CASE WHEN random() < 0.03 THEN 2014 + floor(random() * 6)::int
                    ELSE greatest(1880, 2013 - floor(-18 * ln(1 - random()))::int)
               END $$;
"""

YEAR_OR_NULL = 'CASE WHEN random() < 0.06 THEN NULL ELSE pg_temp.year() END'
WORD = pick(WORDS, 1.5)


def person_name(person):
    """'Surname, First', the first name by the person's gender."""
    return (f"{pick(SURNAMES, 1.5)} || ', ' || CASE WHEN "
            f"pg_temp.gender({person}) = 'f' THEN {pick(FEMALE, 1.5)} "
            f"ELSE {pick(MALE, 1.5)} END")


# --- one INSERT per table ------------------------------------------------------

def dimension_sql(table):
    column, values = DIMENSIONS[table]
    rows = ', '.join(f'({i + 1}, {q(v)})' for i, v in enumerate(values))
    return f'INSERT INTO {table} (id, {column}) VALUES {rows};'


def title_sql(n, sizes, lits):
    # The popular fifth (low ids) is mostly movies, the rest mostly
    # episodes; episodes belong to a series and have season and episode
    # numbers; titles are two words, a few a query's title literal.
    title = placed(f"{WORD} || ' ' || {WORD} || CASE WHEN random() < 0.3 "
                   f"THEN ' ' || (2 + floor(random() * 8))::int ELSE '' END",
                   lits.get(('title', 'title')), 97, 0.0004)
    return f"""
INSERT INTO title (id, title, imdb_index, kind_id, production_year, imdb_id,
                   phonetic_code, episode_of_id, season_nr, episode_nr,
                   series_years, md5sum)
SELECT g, title,
       CASE WHEN random() < 0.03 THEN {pick(['I', 'II', 'III'], 2)} END,
       kind_id, production_year, NULL, pg_temp.code(title),
       CASE WHEN kind_id = 7 THEN pg_temp.zipf({n}, 2) END,
       CASE WHEN kind_id = 7 THEN 1 + floor(20 * power(random(), 3))::int END,
       CASE WHEN kind_id = 7 THEN 1 + floor(600 * power(random(), 6))::int END,
       CASE WHEN kind_id = 2 AND production_year IS NOT NULL
            THEN production_year || '-' || CASE WHEN random() < 0.3 THEN '????'
                 ELSE (production_year + floor(random() * 8)::int)::text END END,
       md5(title)
FROM (SELECT g, {title} AS title,
             CASE WHEN g <= {n} / 5 THEN {choose(KIND_HEAD, 'int[]')}
                  ELSE {choose(KIND_TAIL, 'int[]')} END AS kind_id,
             {YEAR_OR_NULL} AS production_year
      FROM generate_series(1, {n}) g OFFSET 0) s;"""


def name_sql(n, sizes, lits):
    # 'Surname, First' (the first name by the hashed gender), a few a query's
    # name literal; codes from the initials.
    name = placed(person_name('g'), lits.get(('name', 'name')), 89, 0.0002)
    return f"""
INSERT INTO name (id, name, imdb_index, imdb_id, gender, name_pcode_cf,
                  name_pcode_nf, surname_pcode, md5sum)
SELECT g, name, CASE WHEN random() < 0.08 THEN {pick(['I', 'II', 'III', 'IV'], 2)} END,
       NULL, pg_temp.gender(g), pg_temp.code(name),
       pg_temp.code(split_part(name, ', ', 2)), pg_temp.code(name), md5(name)
FROM (SELECT g, {name} AS name FROM generate_series(1, {n}) g OFFSET 0) s;"""


def char_name_sql(n, sizes, lits):
    # A character's name is one char_name row, so names are nearly unique
    # (as in IMDB, where 'Himself' is a single row that millions of
    # credits share): the stock characters ('Himself', 'Doctor', ...) once
    # each at the most referenced ids, then a first name, sometimes a
    # surname, and a number that tells the rows apart ('Yoko Nakamura
    # 12345'); the queries' character literals at popular ids, and very
    # rarely (an imdb_index's homonym) elsewhere.
    synthetic = (f"CASE WHEN g <= {len(CHARACTERS)} THEN "
                 f"({array(CHARACTERS)})[g] "
                 f"ELSE {pick(MALE + FEMALE, 1.2)} || CASE WHEN random() < 0.6 "
                 f"THEN ' ' || {pick(SURNAMES, 1.5)} ELSE '' END || ' ' || g END")
    name = placed(synthetic, lits.get(('char_name', 'name')), 53, 0.00001)
    return f"""
INSERT INTO char_name (id, name, imdb_index, imdb_id, name_pcode_nf,
                       surname_pcode, md5sum)
SELECT g, name, NULL, NULL, pg_temp.code(name),
       CASE WHEN name LIKE '% %' THEN pg_temp.code(split_part(name, ' ', 2)) END,
       md5(name)
FROM (SELECT g, {name} AS name FROM generate_series(1, {n}) g OFFSET 0) s;"""


def company_name_sql(n, sizes, lits):
    # '<Word> Pictures' and the like, a few a query's company literal;
    # country codes weighted as in IMDB (a fifth NULL).
    codes = dict(COUNTRY_CODES)
    for code in lits.get(('company_name', 'country_code'), []):
        codes.setdefault(code, 0.0005)
    name = placed(f"{WORD} || ' ' || {pick(COMPANY_SUFFIXES, 1.5)} || "
                  f"CASE WHEN random() < 0.5 THEN ' ' || (g % 1000) ELSE '' END",
                  lits.get(('company_name', 'name')), 41, 0.0005)
    return f"""
INSERT INTO company_name (id, name, country_code, imdb_id, name_pcode_nf,
                          name_pcode_sf, md5sum)
SELECT g, name, {choose(codes)}, NULL, pg_temp.code(name),
       pg_temp.code(name), md5(name)
FROM (SELECT g, {name} AS name FROM generate_series(1, {n}) g OFFSET 0) s;"""


def keyword_sql(n, sizes, lits):
    # 'word-word-id', the queries' keywords at popular ids.
    keyword = placed(f"lower({WORD}) || '-' || lower({WORD}) || '-' || g",
                     lits.get(('keyword', 'keyword')), 5, 0.0002)
    return f"""
INSERT INTO keyword (id, keyword, phonetic_code)
SELECT g, keyword, pg_temp.code(keyword)
FROM (SELECT g, {keyword} AS keyword FROM generate_series(1, {n}) g OFFSET 0) s;"""


def movie_companies_sql(n, sizes, lits):
    # Distributors' notes '(2006) (USA) (theatrical)', production companies'
    # '(co-production)' etc., half NULL.
    distributor = (f"'(' || pg_temp.year() || ') (' || {pick(REGIONS, 2)} || ') ('"
                   f" || {pick(MEDIA, 1.5)} || ')'")
    note = mixed(f"""CASE WHEN company_type_id = 1 AND random() < 0.7 THEN {distributor}
                 WHEN company_type_id = 2 AND random() < 0.35 THEN {pick(PRODUCTION_NOTES, 2.5)}
                 WHEN random() < 0.05 THEN '(' || {pick(REGIONS, 2)} || ')' END""",
                 lits.get(('movie_companies', 'note')), 0.001)
    return f"""
INSERT INTO movie_companies (id, movie_id, company_id, company_type_id, note)
SELECT g, movie_id, company_id, company_type_id, {note}
FROM (SELECT g, pg_temp.zipf_sorted(g, {n}, {sizes['title']}, 2) AS movie_id,
             pg_temp.zipf({sizes['company_name']}, 3) AS company_id,
             {choose(COMPANY_TYPE_W, 'int[]')} AS company_type_id
      FROM generate_series(1, {n}) g OFFSET 0) s;"""


def movie_info_sql(n, sizes, lits):
    # The info text depends on the info type: genres, countries, languages,
    # 'USA:15 March 2005' release dates, runtimes, ...; other types a short
    # text or, rarely, a query's literal.
    it = INFO
    date = (f"CASE WHEN random() < 0.7 THEN (1 + floor(random() * 28))::int "
            f"|| ' ' || {pick(MONTHS)} || ' ' ELSE '' END "
            f"|| pg_temp.year()")
    other = mixed(f"{WORD} || ' ' || lower({WORD}) || ' ' || lower({WORD}) "
                  f"|| ' ' || floor(random() * 1000)::int",
                  lits.get(('movie_info', 'info')), 0.002)
    info = f"""CASE info_type_id
         WHEN {it['genres']} THEN {choose(GENRES)}
         WHEN {it['countries']} THEN {choose(COUNTRIES)}
         WHEN {it['languages']} THEN {choose(LANGUAGES)}
         WHEN {it['release dates']} THEN {choose(COUNTRIES)} || ':' || {date}
         WHEN {it['runtimes']} THEN (1 + floor(200 * power(random(), 1.5)))::int::text
         WHEN {it['color info']} THEN {pick(['Color', 'Black and White'], 3)}
         WHEN {it['sound mix']} THEN {pick(SOUND_MIXES, 1.5)}
         WHEN {it['certificates']} THEN {choose(COUNTRIES)} || ':' || {pick(CERTIFICATES, 1.3)}
         WHEN {it['budget']} THEN '$' || floor(power(10, 4 + 4 * random()))::bigint
         ELSE {other} END"""
    note = mixed(f"""CASE WHEN info_type_id = {it['release dates']} AND random() < 0.2
                  THEN {pick(RELEASE_NOTES, 1.5)}
                  WHEN random() < 0.03 THEN '(' || {pick(SURNAMES)} || ')' END""",
                 lits.get(('movie_info', 'note')), 0.001)
    types = {it[name]: w for name, w in MOVIE_INFO_W.items()}
    return f"""
INSERT INTO movie_info (id, movie_id, info_type_id, info, note)
SELECT g, movie_id, info_type_id, {info}, {note}
FROM (SELECT g, pg_temp.zipf_sorted(g, {n}, {sizes['title']}, 2) AS movie_id,
             {choose(types, 'int[]')} AS info_type_id
      FROM generate_series(1, {n}) g OFFSET 0) s;"""


def movie_info_idx_sql(n, sizes, lits):
    # Rated movies (popular ones likelier, sampled by random() * sqrt(id))
    # get votes distribution, votes and rating (mean 6.2); the first 250
    # rated movies by id are the top 250, the next ten the bottom 10
    # (which needs many votes too).
    it = INFO
    rated = max(1, (n - 260) // 3)
    rating = ("to_char(least(10, greatest(1, 6.2 + 3.2 * (random() + random() "
              "+ random() - 1.5))), 'FM90.0')")
    return f"""
INSERT INTO movie_info_idx (id, movie_id, info_type_id, info, note)
WITH rated AS MATERIALIZED (
  SELECT id, row_number() OVER (ORDER BY id) AS r
  FROM (SELECT id FROM title ORDER BY random() * sqrt(id) LIMIT {rated}) s)
SELECT row_number() OVER (ORDER BY movie_id, info_type_id), movie_id,
       info_type_id, info, NULL
FROM (SELECT id AS movie_id, t AS info_type_id,
             CASE t WHEN {it['votes distribution']}
                      THEN lpad(floor(random() * 1e10)::bigint::text, 10, '.')
                    WHEN {it['votes']}
                      THEN floor(5 * power(10, 5 * power(random(), 2)))::int::text
                    ELSE {rating} END AS info
      FROM rated, unnest(ARRAY[{it['votes distribution']}, {it['votes']}, {it['rating']}]) t
      UNION ALL
      SELECT id, {it['top 250 rank']}, r::text FROM rated WHERE r <= 250
      UNION ALL
      SELECT id, {it['bottom 10 rank']}, (r - 250)::text
      FROM rated WHERE r BETWEEN 251 AND 260) s;"""


def movie_keyword_sql(n, sizes, lits):
    return f"""
INSERT INTO movie_keyword (id, movie_id, keyword_id)
SELECT g, pg_temp.zipf_sorted(g, {n}, {sizes['title']}, 2),
       pg_temp.zipf({sizes['keyword']}, 3)
FROM generate_series(1, {n}) g;"""


def movie_link_sql(n, sizes, lits):
    return f"""
INSERT INTO movie_link (id, movie_id, linked_movie_id, link_type_id)
SELECT g, pg_temp.zipf_sorted(g, {n}, {sizes['title']}, 2),
       pg_temp.zipf({sizes['title']}, 2), {choose(LINK_TYPE_W, 'int[]')}
FROM generate_series(1, {n}) g;"""


def complete_cast_sql(n, sizes, lits):
    # Mostly popular movies, cast more often than crew, 'complete' more
    # often than 'complete+verified'.
    return f"""
INSERT INTO complete_cast (id, movie_id, subject_id, status_id)
SELECT g, pg_temp.zipf_sorted(g, {n}, {sizes['title']}, 1.5),
       {choose({1: .62, 2: .38}, 'int[]')}, {choose({3: .7, 4: .3}, 'int[]')}
FROM generate_series(1, {n}) g;"""


def aka_title_sql(n, sizes, lits):
    return f"""
INSERT INTO aka_title (id, movie_id, title, imdb_index, kind_id,
                       production_year, phonetic_code, episode_of_id,
                       season_nr, episode_nr, note, md5sum)
SELECT g, movie_id, title, NULL, {choose(KIND_TAIL, 'int[]')}, {YEAR_OR_NULL},
       pg_temp.code(title), NULL, NULL, NULL,
       CASE WHEN random() < 0.6 THEN '(' || {pick(AKA_NOTES, 1.5)} || ')' END,
       md5(title)
FROM (SELECT g, pg_temp.zipf_sorted(g, {n}, {sizes['title']}, 2) AS movie_id,
             {WORD} || ' ' || {WORD} AS title
      FROM generate_series(1, {n}) g OFFSET 0) s;"""


def cast_info_sql(n, sizes, lits):
    # Stored by person; the role follows the person's gender (actor for
    # 'm', actress for 'f'); actors mostly play a character, have an order
    # in the credits and sometimes a note; writers and producers have
    # notes about their credit.
    role = (f"CASE pg_temp.gender(person_id) "
            f"WHEN 'm' THEN {choose(ROLE_W['m'], 'int[]')} "
            f"WHEN 'f' THEN {choose(ROLE_W['f'], 'int[]')} "
            f"ELSE {choose(ROLE_W[None], 'int[]')} END")
    note = mixed(f"""CASE WHEN role_id IN (1, 2, 12) AND random() < 0.25
                   THEN {pick(ACTOR_NOTES, 2)}
                 WHEN role_id = 4 AND random() < 0.7 THEN {pick(WRITER_NOTES, 1.5)}
                 WHEN role_id = 3 AND random() < 0.9 THEN {pick(PRODUCER_NOTES, 1.5)}
                 WHEN random() < 0.05 THEN '(uncredited)' END""",
                 lits.get(('cast_info', 'note')), 0.002)
    return f"""
INSERT INTO cast_info (id, person_id, movie_id, person_role_id, note, nr_order,
                       role_id)
SELECT g, person_id, movie_id,
       CASE WHEN role_id IN (1, 2, 12) AND random() < 0.9
            THEN pg_temp.zipf({sizes['char_name']}, 2) END,
       {note},
       CASE WHEN role_id IN (1, 2) AND random() < 0.85
            THEN 1 + floor(60 * power(random(), 2))::int END,
       role_id
FROM (SELECT g, person_id, pg_temp.zipf({sizes['title']}, 2) AS movie_id,
             {role} AS role_id
      FROM (SELECT g, pg_temp.zipf_sorted(g, {n}, {sizes['name']}, 2) AS person_id
            FROM generate_series(1, {n}) g OFFSET 0) p
      OFFSET 0) s;"""


def person_info_sql(n, sizes, lits):
    # Stored by person; the info text by type; mini biographies signed by
    # one of a few biographers (a query looks for 'Volker Boehm').
    it = INFO
    biographers = sorted(set(BIOGRAPHERS)
                         | set(lits.get(('person_info', 'note'), [])))
    info = f"""CASE info_type_id
         WHEN {it['height']} THEN (150 + floor(random() * 50))::int || ' cm'
         WHEN {it['birth date']} THEN (1 + floor(random() * 28))::int || ' '
              || {pick(MONTHS)} || ' ' || (1990 - floor(100 * power(random(), 1.5))::int)
         WHEN {it['birth notes']} THEN {WORD} || ' City, ' || {choose(COUNTRIES)}
         ELSE {WORD} || ' ' || lower({WORD}) || ' ' || lower({WORD}) || ' '
              || lower({WORD}) END"""
    types = {it[name]: w for name, w in PERSON_INFO_W.items()}
    return f"""
INSERT INTO person_info (id, person_id, info_type_id, info, note)
SELECT g, person_id, info_type_id, {info},
       CASE WHEN info_type_id = {it['mini biography']} AND random() < 0.8
            THEN {pick(biographers, 1.5)} END
FROM (SELECT g, pg_temp.zipf_sorted(g, {n}, {sizes['name']}, 2) AS person_id,
             {choose(types, 'int[]')} AS info_type_id
      FROM generate_series(1, {n}) g OFFSET 0) s;"""


def aka_name_sql(n, sizes, lits):
    # Stored by person; other spellings of names.
    name = mixed(person_name('person_id'),
                 lits.get(('aka_name', 'name')), 0.001)
    return f"""
INSERT INTO aka_name (id, person_id, name, imdb_index, name_pcode_cf,
                      name_pcode_nf, surname_pcode, md5sum)
SELECT g, person_id, name, NULL, pg_temp.code(name),
       pg_temp.code(split_part(name, ', ', 2)), pg_temp.code(name), md5(name)
FROM (SELECT g, person_id, {name} AS name
      FROM (SELECT g, pg_temp.zipf_sorted(g, {n}, {sizes['name']}, 2) AS person_id
            FROM generate_series(1, {n}) g OFFSET 0) p OFFSET 0) s;"""


BUILDERS = {
    'title': title_sql, 'name': name_sql, 'char_name': char_name_sql,
    'company_name': company_name_sql, 'keyword': keyword_sql,
    'movie_companies': movie_companies_sql, 'movie_info': movie_info_sql,
    'movie_info_idx': movie_info_idx_sql, 'movie_keyword': movie_keyword_sql,
    'movie_link': movie_link_sql, 'complete_cast': complete_cast_sql,
    'aka_title': aka_title_sql, 'cast_info': cast_info_sql,
    'person_info': person_info_sql, 'aka_name': aka_name_sql,
}


def table_sql(table, sizes, lits):
    if table in DIMENSIONS:
        return dimension_sql(table)
    return BUILDERS[table](sizes[table], sizes, lits)


# --- driving psql -------------------------------------------------------------

def psql(db, sql, capture=False):
    """Runs sql in one psql session on db; returns its unaligned output."""
    cmd = ['psql', '-X', '-v', 'ON_ERROR_STOP=1', '-q', '-At', '-d', db]
    done = subprocess.run(cmd, input=sql, text=True, check=False,
                          stdout=subprocess.PIPE if capture else None)
    if done.returncode != 0:
        sys.exit(f'job-data: psql failed on {db} (see above)')
    return done.stdout.strip() if capture else ''


def prepare_database(dbname, recreate):
    admin = os.environ.get('PGDATABASE', 'postgres')
    exists = psql(admin, f'SELECT 1 FROM pg_database WHERE datname = {q(dbname)}',
                  capture=True)
    ident = '"' + dbname.replace('"', '""') + '"'
    if exists and recreate:
        psql(admin, f'DROP DATABASE {ident} WITH (FORCE)')
        exists = ''
    if not exists:
        psql(admin, f'CREATE DATABASE {ident}')
    elif psql(dbname, "SELECT to_regclass('title')", capture=True):
        sys.exit(f'job-data: database {dbname} already has the JOB tables; '
                 f'use --recreate')
    with open(os.path.join(JOB, 'schema.sql'), encoding='utf-8') as f:
        psql(dbname, f.read())


def scaled_sizes(scale):
    return {t: n if t in DIMENSIONS else max(1, round(n * scale))
            for t, n in REAL_ROWS.items()}


def load(dbname, sizes, lits, seed):
    """Fills the tables (parents before the children that sample them)."""
    total = time.monotonic()
    for i, table in enumerate(REAL_ROWS):
        fraction = ((seed * 7919 + i * 104729) % 20000) / 10000 - 1
        sql = (PRELUDE.format(fraction=fraction, seed=seed)
               + table_sql(table, sizes, lits)
               + f'\nSELECT count(*) FROM {table};')
        start = time.monotonic()
        count = int(psql(dbname, sql, capture=True))
        print(f'{table:16} {count:>11,} rows {time.monotonic() - start:7.1f} s',
              flush=True)
    start = time.monotonic()
    psql(dbname, 'VACUUM (ANALYZE);')
    print(f'{"VACUUM (ANALYZE)":28} {time.monotonic() - start:7.1f} s')
    size = psql(dbname, 'SELECT pg_size_pretty(pg_database_size(current_database()))',
                capture=True)
    print(f'loaded in {time.monotonic() - total:.1f} s; database {dbname}: {size}')


def main():
    ap = argparse.ArgumentParser(
        description='IMDB-shaped data for the Join Order Benchmark')
    ap.add_argument('--scale', type=float, default=0.1,
                    help='1.0 = the real IMDB row counts (default 0.1)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--dbname', default='job')
    ap.add_argument('--recreate', action='store_true',
                    help='drop the database first if it exists')
    args = ap.parse_args()
    if not os.path.isdir(JOB):
        sys.exit(f'job-data: the JOB corpus is missing ({JOB})')
    lits = query_literals(os.path.join(JOB, 'queries'))
    check_dimensions(lits)
    prepare_database(args.dbname, args.recreate)
    load(args.dbname, scaled_sizes(args.scale), lits, args.seed)


if __name__ == '__main__':
    main()
