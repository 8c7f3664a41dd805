//! The one rating scale: from exposures, and from providers' own ratings; address shapes.

use arbiter_contract::{Exposure, ExposureCategory as C, ScreeningRating as R};
use arbiter_risk::screening::{address_fits, normalise, rating};

fn e(category: C, direct: bool, share_percent: u8) -> Exposure {
    Exposure { category, direct, share_percent }
}

#[test]
fn a_rating_is_the_worst_exposure_with_indirect_ones_discounted_by_share() {
    assert_eq!(rating(&[]), R::Low);
    assert_eq!(rating(&[e(C::Sanctions, true, 1)]), R::Severe, "any direct sanctions exposure is severe");
    assert_eq!(rating(&[e(C::Sanctions, false, 25)]), R::High);
    assert_eq!(rating(&[e(C::Sanctions, false, 24)]), R::Medium);
    assert_eq!(rating(&[e(C::Sanctions, false, 5)]), R::Medium);
    assert_eq!(rating(&[e(C::Sanctions, false, 4)]), R::Low);
    assert_eq!(rating(&[e(C::Mixer, true, 100)]), R::High);
    assert_eq!(rating(&[e(C::DarknetMarket, false, 30)]), R::Medium);
    assert_eq!(rating(&[e(C::Scam, false, 10)]), R::Low);
    assert_eq!(rating(&[e(C::Gambling, true, 100)]), R::Medium);
    assert_eq!(rating(&[e(C::Exchange, true, 100)]), R::Low);
    assert_eq!(rating(&[e(C::Exchange, true, 90), e(C::StolenFunds, true, 10)]), R::High, "the worst one counts");
}

#[test]
fn providers_ratings_read_onto_the_scale() {
    assert_eq!(normalise("SEVERE"), Some(R::Severe));
    assert_eq!(normalise(" High "), Some(R::High));
    assert_eq!(normalise("moderate"), Some(R::Medium));
    assert_eq!(normalise("low"), Some(R::Low));
    assert_eq!(normalise("9.2/10"), Some(R::Severe));
    assert_eq!(normalise("7"), Some(R::High));
    assert_eq!(normalise("6.99 / 10"), Some(R::Medium));
    assert_eq!(normalise("3.9"), Some(R::Low));
    assert_eq!(normalise("11"), None);
    assert_eq!(normalise("-1"), None);
    assert_eq!(normalise("bad"), None);
    assert_eq!(normalise("NaN"), None);
}

#[test]
fn addresses_must_have_their_networks_shape() {
    assert!(address_fits("ERC20", "0x5a1b2c3d4e5f60718293a4b5c6d7e8f901234567"));
    assert!(address_fits("ERC20", "0x5A1B2C3D4E5F60718293A4B5C6D7E8F901234567"));
    assert!(!address_fits("ERC20", "0x5a1b2c3d4e5f60718293a4b5c6d7e8f90123456"), "one short");
    assert!(!address_fits("ERC20", "0x5a1b2c3d4e5f60718293a4b5c6d7e8f90123456g"), "not hex");
    assert!(address_fits("Bitcoin", "bc1q7x9f3kd8s2m4n6p8r0t2v4x6z8b0d2f4h6j8k0"));
    assert!(!address_fits("Bitcoin", "BC1Q7X9F3KD8S2M4N6P8R0T2V4X6Z8B0D2F4H6J8K0"), "bech32 in upper case is kept out");
    assert!(address_fits("Bitcoin", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"));
    assert!(!address_fits("Bitcoin", "bc1q 7x9f"));
    assert!(address_fits("TRC20", "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"));
    assert!(!address_fits("TRC20", "XQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"));
    assert!(address_fits("Solana", "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV"));
    assert!(!address_fits("Solana", "7EcDh<script>"));
    assert!(!address_fits("Solana", "аddress-with-cyrillic-а-0000000000"));
    assert!(!address_fits("ERC20", ""));
}
