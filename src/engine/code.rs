//! Answer codes: the whole set of answers and the profile as a few
//! characters a caller can read over the phone, such as `K7Q-4MZ2`.
//!
//! The code is generic over the content. Each question contributes one digit
//! of a mixed-radix number, in content order, after a leading digit for the
//! profile; a question's digit is the index of its answer among every value
//! it can take ([`values`]). The number is written in Crockford base 32 at a
//! fixed length for the content, followed by one check character (Luhn mod
//! 32), which catches every single mistyped character and most swapped
//! neighbours. The check also covers a fingerprint of the content's shape,
//! so a code made with other questions or options almost always fails.

use std::fmt;

use crate::content::{Answer, Content, Question, QuestionKind};
use crate::engine::answers::Answers;
use crate::error::BadInput;
use crate::messages::Msg;
use crate::text::Lang;

/// Crockford's base-32 alphabet: no I, L, O or U, so nothing reads as 1, 0
/// or a word.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RADIX: u32 = 32;

/// The value a code character stands for, with Crockford's readings: case
/// does not matter, I and L are 1, O is 0.
fn digit_of(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        other => other,
    };
    ALPHABET
        .iter()
        .position(|&a| char::from(a) == c)
        .map(|i| i as u8)
}

/// What separates groups in a code as written; ignored when read.
fn is_separator(c: char) -> bool {
    c == '-' || c.is_whitespace()
}

/// Reads and writes the answer codes of one content. Build it once and
/// use it for many codes; [`encode`] and [`decode`] build one each call.
#[derive(Debug, Clone)]
pub struct Codec<'a> {
    content: &'a Content,
    /// The profile's radix first, then one per question in content order.
    radices: Vec<u128>,
    /// The values of each question (empty for a multiple choice).
    values: Vec<Vec<Answer>>,
    /// Data characters (without the check character).
    length: usize,
    fingerprint: u64,
    /// Base-32 digits added to the number before it is written, so a code
    /// read with other content turns into another number, most often one
    /// beyond its answer space.
    key: Vec<u8>,
    /// A code of the right length for messages.
    example: String,
}

impl<'a> Codec<'a> {
    pub fn new(content: &'a Content) -> Codec<'a> {
        let radices: Vec<u128> = std::iter::once(content.profiles.len() as u128)
            .chain(content.questions.iter().map(radix))
            .collect();
        // The largest number is every digit at its highest value; its length
        // in base 32 is the code's (at least one character).
        let largest: Vec<u128> = radices.iter().map(|r| r.saturating_sub(1)).collect();
        let length = to_base32(&radices, &largest).len();
        let fingerprint = fingerprint(content);
        let key = (0..length as u64)
            .map(|i| (splitmix64(fingerprint ^ i) & 31) as u8)
            .collect();
        let mut codec = Codec {
            content,
            radices,
            values: content.questions.iter().map(values).collect(),
            length,
            fingerprint,
            key,
            example: String::new(),
        };
        codec.example = codec.encode(&Answers::defaults(content), content.default_profile);
        codec
    }

    /// Characters in a code, check character included (hyphens not
    /// counted).
    pub fn code_length(&self) -> usize {
        self.length + 1
    }
}

/// Every value an answer to `question` can take, in code order: yes/no is
/// false, true (then unknown where allowed); a choice is each option, then
/// "not stated" where the question has no default, then unknown where
/// allowed. A multiple choice is any set of its options (its digit is the
/// set's bits), so it is not listed here.
pub fn values(question: &Question) -> Vec<Answer> {
    let mut v = match question.kind {
        QuestionKind::YesNo => vec![Answer::Bool(false), Answer::Bool(true)],
        QuestionKind::Choice => {
            let mut v: Vec<Answer> = (0..question.options.len()).map(Answer::Choice).collect();
            if question.default == Answer::Unanswered {
                v.push(Answer::Unanswered);
            }
            v
        }
        QuestionKind::Multi => Vec::new(),
    };
    if question.unknown && question.kind != QuestionKind::Multi {
        v.push(Answer::Unknown);
    }
    v
}

/// How many values an answer to `question` can take.
fn radix(question: &Question) -> u128 {
    match question.kind {
        QuestionKind::Multi => 1u128 << question.options.len(),
        _ => values(question).len() as u128,
    }
}

/// A 64-bit FNV-1a hash of everything that decides the layout: profile ids,
/// and each question's id, kind, options, "not stated" and unknown.
fn fingerprint(content: &Content) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |s: &str| {
        // Each field ends in a byte no id contains, so ("ab","c") and
        // ("a","bc") hash apart.
        for b in s.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for p in &content.profiles {
        feed(&p.id);
    }
    for q in &content.questions {
        feed(&q.id);
        feed(match q.kind {
            QuestionKind::YesNo => "yes_no",
            QuestionKind::Choice => "choice",
            QuestionKind::Multi => "multi",
        });
        for o in &q.options {
            feed(&o.id);
        }
        feed(&format!(
            "{}/{}",
            q.default == Answer::Unanswered,
            q.unknown
        ));
    }
    h
}

/// Base-32 digits (most significant first, no leading zeros beyond one) of
/// the mixed-radix number `digits` in `radices`. Works on base-32 limbs, so
/// any amount of content fits.
fn to_base32(radices: &[u128], digits: &[u128]) -> Vec<u8> {
    // Little-endian base-32 limbs.
    let mut limbs: Vec<u8> = vec![0];
    for (&r, &d) in radices.iter().zip(digits) {
        let mut carry = d;
        for limb in limbs.iter_mut() {
            let x = u128::from(*limb) * r + carry;
            *limb = (x % u128::from(RADIX)) as u8;
            carry = x / u128::from(RADIX);
        }
        while carry > 0 {
            limbs.push((carry % u128::from(RADIX)) as u8);
            carry /= u128::from(RADIX);
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    limbs.reverse();
    limbs
}

/// The mixed-radix digits of the base-32 number `code` (most significant
/// first), or `None` when it is beyond the largest number the radices hold.
fn from_base32(radices: &[u128], code: &[u8]) -> Option<Vec<u128>> {
    let mut number: Vec<u8> = code.to_vec();
    let mut digits = vec![0u128; radices.len()];
    for (i, &r) in radices.iter().enumerate().rev() {
        // number, rem = number / r, number % r (long division in base 32).
        let mut rem: u128 = 0;
        for limb in number.iter_mut() {
            let x = rem * u128::from(RADIX) + u128::from(*limb);
            *limb = (x / r) as u8;
            rem = x % r;
        }
        digits[i] = rem;
    }
    number.iter().all(|&l| l == 0).then_some(digits)
}

/// The Luhn mod 32 sum of `digits` as they stand left of a check character
/// (`check_included` false) or with it at the end (true), with the
/// content's fingerprint written before them.
fn luhn_sum(fingerprint: u64, digits: &[u8], check_included: bool) -> u32 {
    let prefix = (0..13).rev().map(|i| ((fingerprint >> (5 * i)) & 31) as u8);
    let all: Vec<u8> = prefix.chain(digits.iter().copied()).collect();
    let mut double = !check_included;
    let mut sum = 0;
    for &d in all.iter().rev() {
        let mut addend = u32::from(d);
        if double {
            addend *= 2;
            addend = addend / RADIX + addend % RADIX;
        }
        sum += addend;
        double = !double;
    }
    sum % RADIX
}

/// A well-mixed 64-bit value from `x` (SplitMix64's finaliser).
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// `digits += key` modulo 32^len (both most significant first, same length).
fn add_mod(digits: &mut [u8], key: &[u8]) {
    let mut carry = 0;
    for (d, &k) in digits.iter_mut().zip(key).rev() {
        let x = *d + k + carry;
        *d = x % 32;
        carry = x / 32;
    }
}

/// `digits -= key` modulo 32^len (both most significant first, same length).
fn sub_mod(digits: &mut [u8], key: &[u8]) {
    let mut borrow = 0;
    for (d, &k) in digits.iter_mut().zip(key).rev() {
        let x = 32 + *d - k - borrow;
        *d = x % 32;
        borrow = u8::from(x < 32);
    }
}

/// Hyphens between groups of three or four characters, for reading aloud.
fn group(chars: &[u8]) -> String {
    let n = chars.len();
    let groups = n.div_ceil(4).max(1);
    let (base, extra) = (n / groups, n % groups);
    let mut out = String::with_capacity(n + groups);
    let mut at = 0;
    for g in 0..groups {
        let size = base + usize::from(g >= groups - extra);
        if g > 0 {
            out.push('-');
        }
        out.extend(chars[at..at + size].iter().map(|&c| char::from(c)));
        at += size;
    }
    out
}

impl Codec<'_> {
    /// The answer code of `answers` under `profile`, grouped for reading
    /// aloud (`K7Q-4MZ2`). `answers.profile` is not read: `profile` is what
    /// the code holds.
    ///
    /// # Panics
    ///
    /// If `profile` is not a profile of the content, or an answer is not a
    /// value its question takes (an unknown where the question offers no
    /// "vet ej", an option index out of range). Answers read by
    /// [`parse_answers`](crate::engine::parse_answers), decoded from a code
    /// or given in the wizards always are.
    pub fn encode(&self, answers: &Answers, profile: usize) -> String {
        assert!(
            profile < self.content.profiles.len(),
            "profile {profile} out of range"
        );
        let digits: Vec<u128> = std::iter::once(profile as u128)
            .chain(
                self.content
                    .questions
                    .iter()
                    .enumerate()
                    .zip(&answers.values)
                    .map(|((q, question), &a)| {
                        self.digit(q, a).unwrap_or_else(|| {
                            panic!("answer {a:?} is not a value of question `{}`", question.id)
                        })
                    }),
            )
            .collect();
        let number = to_base32(&self.radices, &digits);
        let mut chars = vec![0u8; self.length - number.len()];
        chars.extend(number);
        add_mod(&mut chars, &self.key);
        let check = (RADIX - luhn_sum(self.fingerprint, &chars, false)) % RADIX;
        chars.push(check as u8);
        let written: Vec<u8> = chars.iter().map(|&d| ALPHABET[usize::from(d)]).collect();
        group(&written)
    }

    /// Reads an answer code: the answers it holds (with `profile` set) and
    /// the profile. Case does not matter, spaces and hyphens are ignored,
    /// and I, L and O read as 1, 1 and 0.
    pub fn decode(&self, code: &str) -> Result<(Answers, usize), CodeError> {
        let fail = |kind| CodeError {
            input: code.to_owned(),
            kind,
            length: self.code_length(),
            example: self.example.clone(),
        };
        let mut digits = Vec::new();
        for c in code.chars().filter(|&c| !is_separator(c)) {
            match digit_of(c) {
                Some(d) => digits.push(d),
                None => {
                    return Err(fail(CodeErrorKind::BadCharacter {
                        character: c,
                        position: digits.len() + 1,
                    }));
                }
            }
        }
        if digits.len() != self.code_length() {
            return Err(fail(CodeErrorKind::WrongLength {
                found: digits.len(),
            }));
        }
        if luhn_sum(self.fingerprint, &digits, true) != 0 {
            return Err(fail(CodeErrorKind::CheckFailed));
        }
        digits.truncate(self.length);
        sub_mod(&mut digits, &self.key);
        let mixed =
            from_base32(&self.radices, &digits).ok_or_else(|| fail(CodeErrorKind::OutOfRange))?;
        let profile = mixed[0] as usize;
        let values = (0..self.content.questions.len())
            .map(|q| self.answer_of(q, mixed[q + 1]))
            .collect();
        Ok((
            Answers {
                profile: Some(profile),
                values,
            },
            profile,
        ))
    }

    /// The digit for `answer` to question `q`, if it is a value the
    /// question takes.
    fn digit(&self, q: usize, answer: Answer) -> Option<u128> {
        match (self.content.questions[q].kind, answer) {
            (QuestionKind::Multi, Answer::Set(bits)) => {
                let bits = u128::from(bits);
                (bits < self.radices[q + 1]).then_some(bits)
            }
            (QuestionKind::Multi, _) => None,
            _ => self.values[q]
                .iter()
                .position(|&v| v == answer)
                .map(|i| i as u128),
        }
    }

    /// The answer a digit of question `q` stands for (`digit` is below its
    /// radix).
    fn answer_of(&self, q: usize, digit: u128) -> Answer {
        match self.content.questions[q].kind {
            QuestionKind::Multi => Answer::Set(digit as u64),
            _ => self.values[q][digit as usize],
        }
    }
}

/// The answer code of `answers` under `profile` (see [`Codec::encode`]).
pub fn encode(content: &Content, answers: &Answers, profile: usize) -> String {
    Codec::new(content).encode(answers, profile)
}

/// Reads an answer code (see [`Codec::decode`]).
pub fn decode(content: &Content, code: &str) -> Result<(Answers, usize), CodeError> {
    Codec::new(content).decode(code)
}

/// How many characters a code for `content` has, check character included
/// (hyphens not counted).
pub fn code_length(content: &Content) -> usize {
    Codec::new(content).code_length()
}

/// Why a code could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeError {
    /// The code as given.
    pub input: String,
    pub kind: CodeErrorKind,
    /// Characters in a code for this content (without hyphens).
    pub length: usize,
    /// A well-formed code, to show what one looks like.
    pub example: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeErrorKind {
    /// Too few or too many characters (hyphens and spaces not counted).
    WrongLength { found: usize },
    /// A character no code contains, at a 1-based position among the code's
    /// characters (hyphens and spaces not counted).
    BadCharacter { character: char, position: usize },
    /// The check character does not match: something is mistyped, or the
    /// code was made with other content.
    CheckFailed,
    /// Well-formed, but it stands for no set of answers this content has.
    OutOfRange,
}

impl CodeErrorKind {
    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CodeErrorKind::WrongLength { found: 0 } => Msg::CodeEmpty.get(lang).to_owned(),
            CodeErrorKind::WrongLength { found: 1 } => Msg::CodeOneCharacter.get(lang).to_owned(),
            CodeErrorKind::WrongLength { found } => {
                Msg::CodeCharacters.fill(lang, &[("found", &found.to_string())])
            }
            CodeErrorKind::BadCharacter {
                character,
                position,
            } => Msg::CodeBadCharacter.fill(
                lang,
                &[
                    ("position", &position.to_string()),
                    ("character", &crate::quote::quote(&character.to_string())),
                ],
            ),
            CodeErrorKind::CheckFailed => Msg::CodeMistyped.get(lang).to_owned(),
            CodeErrorKind::OutOfRange => Msg::CodeOutOfRange.get(lang).to_owned(),
        }
    }
}

impl fmt::Display for CodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl CodeError {
    /// The one-paragraph message for `--code` in `lang`: the code as given
    /// (control characters escaped), what is wrong, what a code looks
    /// like and where one is found.
    pub fn message(&self, lang: Lang) -> String {
        let input = crate::quote::quote(self.input.trim());
        Msg::BadCode.fill(
            lang,
            &[
                ("input", &input),
                ("why", &self.kind.message(lang)),
                ("length", &self.length.to_string()),
                ("example", &self.example),
            ],
        )
    }

    /// The message for the wizard's code dialog, where the code stands
    /// just above: what is wrong (capitalised) and what a code looks like.
    pub fn dialog_message(&self, lang: Lang) -> String {
        let text = Msg::CodeInDialog.fill(
            lang,
            &[
                ("why", &self.kind.message(lang)),
                ("length", &self.length.to_string()),
                ("example", &self.example),
            ],
        );
        let mut chars = text.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    /// The message in `lang` as bad input (exit 2).
    pub fn bad_input(&self, lang: Lang) -> BadInput {
        BadInput(self.message(lang))
    }
}

/// English, for logs and tests; the command line uses
/// [`CodeError::message`] in the run's language.
impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CodeError {}
