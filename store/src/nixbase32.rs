//! Nix's base-32 encoding ("nixbase32"), used for store path hashes and hash output.
//!
//! The alphabet omits `e o u t` and the digits are emitted from the most significant
//! 5-bit group first, reading the bytes as one little-endian number. This bit order is
//! not RFC 4648 base32, which is why a general-purpose encoder cannot be used.

/// The 32 characters of the encoding, in digit order.
pub const ALPHABET: &[u8; 32] = b"0123456789abcdfghijklmnpqrsvwxyz";

/// Errors from [`decode`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Nix32Error {
    #[error("invalid character '{0}' in base-32 string")]
    InvalidChar(char),
    #[error("invalid base-32 string: value does not fit in {0} bytes")]
    Overflow(usize),
}

/// Number of characters needed to encode `bytes` bytes.
pub const fn encoded_len(bytes: usize) -> usize {
    if bytes == 0 { 0 } else { (bytes * 8 - 1) / 5 + 1 }
}

/// Number of bytes a string of `chars` characters decodes to.
pub const fn decoded_len(chars: usize) -> usize {
    chars * 5 / 8
}

/// Encodes `bytes` as nixbase32.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(encoded_len(bytes.len()));
    encode_into(&mut out, bytes);
    out
}

/// Appends the nixbase32 encoding of `bytes` to `out`.
pub fn encode_into(out: &mut String, bytes: &[u8]) {
    let len = encoded_len(bytes.len());
    for n in (0..len).rev() {
        let b = n * 5;
        let (i, j) = (b / 8, b % 8);
        let lo = bytes[i] >> j;
        let hi = if i + 1 < bytes.len() { (bytes[i + 1] as u16) << (8 - j) } else { 0 };
        out.push(ALPHABET[((lo as u16 | hi) & 0x1f) as usize] as char);
    }
}

/// The value of each byte as a digit, `NOT_A_DIGIT` for the bytes outside [`ALPHABET`].
const DIGITS: [u8; 256] = {
    let mut digits = [NOT_A_DIGIT; 256];
    let mut i = 0;
    while i < ALPHABET.len() {
        digits[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    digits
};
const NOT_A_DIGIT: u8 = 0xff;

fn digit(c: u8) -> Option<u8> {
    Some(DIGITS[usize::from(c)]).filter(|&d| d != NOT_A_DIGIT)
}

/// Decodes a nixbase32 string into `decoded_len(s.len())` bytes.
pub fn decode(s: &[u8]) -> Result<Vec<u8>, Nix32Error> {
    let size = decoded_len(s.len());
    let mut out = vec![0u8; size];
    for (pos, &c) in s.iter().enumerate() {
        let d = digit(c).ok_or(Nix32Error::InvalidChar(c as char))? as u16;
        let n = s.len() - 1 - pos;
        let b = n * 5;
        let (i, j) = (b / 8, b % 8);
        let v = d << j;
        if i < size {
            out[i] |= v as u8;
        } else if v != 0 {
            return Err(Nix32Error::Overflow(size));
        }
        let carry = (v >> 8) as u8;
        if i + 1 < size {
            out[i + 1] |= carry;
        } else if carry != 0 {
            return Err(Nix32Error::Overflow(size));
        }
    }
    Ok(out)
}

/// True when every byte of `s` is in the alphabet.
pub fn is_valid(s: &[u8]) -> bool {
    s.iter().all(|&c| digit(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_hello_world() {
        // `nix-hash --type sha256 --base32 hello.txt` for "hello world\n".
        let hex = "a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447";
        let bytes = data_encoding::HEXLOWER.decode(hex.as_bytes()).unwrap();
        let s = encode(&bytes);
        assert_eq!(s, "0ix4jahrkll5zg01wandq78jw3ab30q4nscph67rniqg5x7r0j59");
        assert_eq!(decode(s.as_bytes()).unwrap(), bytes);
    }

    #[test]
    fn lengths() {
        assert_eq!(encoded_len(20), 32);
        assert_eq!(encoded_len(32), 52);
        assert_eq!(encoded_len(16), 26);
        assert_eq!(encoded_len(64), 103);
        assert_eq!(decoded_len(52), 32);
    }

    #[test]
    fn rejects_bad_input() {
        assert_eq!(decode(b"e"), Err(Nix32Error::InvalidChar('e')));
        // The top character of a 32-byte hash may only carry one bit.
        let with_top = |c: char| format!("{c}{}", "0".repeat(51));
        assert!(decode(with_top('z').as_bytes()).is_err());
        assert!(decode(with_top('2').as_bytes()).is_err());
        assert_eq!(decode(with_top('1').as_bytes()).unwrap()[31], 0x80);
    }

    #[test]
    fn round_trips_every_length() {
        for n in 0..70u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37).wrapping_add(n)).collect();
            assert_eq!(decode(encode(&bytes).as_bytes()).unwrap(), bytes);
        }
    }
}
