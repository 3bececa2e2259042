-- Ferrix local store database, laid out like the reference's (tables ValidPaths, Refs,
-- DerivationOutputs) so the same queries and invariants carry over.

create table if not exists ValidPaths (
    id               integer primary key autoincrement not null,
    path             text unique not null, -- absolute, under /nix/store
    hash             text not null,        -- NAR hash as 'sha256:<base16>'
    registrationTime integer not null,     -- seconds since the epoch
    deriver          text,
    narSize          integer,
    ultimate         integer,              -- null means false
    sigs             text,                 -- space-separated
    ca               text                  -- content address, e.g. 'fixed:r:sha256:<nix32>'
);

create table if not exists Refs (
    referrer  integer not null,
    reference integer not null,
    primary key (referrer, reference),
    foreign key (referrer) references ValidPaths(id) on delete cascade,
    foreign key (reference) references ValidPaths(id) on delete restrict
);

create index if not exists IndexReferrer on Refs(referrer);
create index if not exists IndexReference on Refs(reference);

-- A self-reference would make 'on delete restrict' refuse to delete its own path.
create trigger if not exists DeleteSelfRefs before delete on ValidPaths
  begin
    delete from Refs where referrer = old.id and reference = old.id;
  end;

create table if not exists DerivationOutputs (
    drv  integer not null,
    id   text not null,  -- output name, usually 'out'
    path text not null,
    primary key (drv, id),
    foreign key (drv) references ValidPaths(id) on delete cascade
);

create index if not exists IndexDerivationOutputs on DerivationOutputs(path);
