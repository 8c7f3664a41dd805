-- Withdrawal address screening (issue 18): the addresses the reference KYT knows (the
-- generator's planted clusters: sanctioned, mixers, darknet markets, scams, stolen funds,
-- gambling, exchanges) with their screening (the contract's Screening as JSON). An address
-- not here screens clean. Hex addresses are kept lower-cased.
CREATE TABLE screened_addresses (
    address TEXT PRIMARY KEY,
    network TEXT NOT NULL,
    data    TEXT NOT NULL
);
