import LMDB

/// How commits reach the disk: ``StoreOptions/durability``. The LMDB layer's modes, named here so a user of
/// the store needs no import of the storage layer.
public typealias Durability = LMDB.Durability
