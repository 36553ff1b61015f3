//! Where every node of a YAML text stands, keys as well as values, by its
//! path from the root: the index that lets a problem point at the very
//! node it is about (the second of two duplicates, the key of a flow-style
//! mapping, the item in a list, the value of a wrong type).
//!
//! It reads the events of `libyaml-rs`, the parser `yaml_serde` itself is
//! built on, so positions and parse errors come from one parser and agree.

use std::collections::HashMap;
use std::marker::PhantomData;
use std::mem::MaybeUninit;

use libyaml_rs as sys;

use crate::quote::is_unsafe;

/// A 1-based line and column (counted in characters), as editors count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    pub line: usize,
    pub column: usize,
}

/// One step from a node to a child: a mapping key or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// The steps from a document's root to a node, such as
/// `[3, "when", "any", 1]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path(Vec<Step>);

impl Path {
    /// The document's root node.
    pub fn root() -> Path {
        Path(Vec::new())
    }

    /// The value of `key` in the mapping at this path.
    pub fn key(&self, key: &str) -> Path {
        self.then(Step::Key(key.to_owned()))
    }

    /// Item `i` (from 0) of the list at this path.
    pub fn index(&self, i: usize) -> Path {
        self.then(Step::Index(i))
    }

    /// This path followed by `rest` (a path relative to this node).
    pub fn join(&self, rest: &Path) -> Path {
        let mut steps = self.0.clone();
        steps.extend(rest.0.iter().cloned());
        Path(steps)
    }

    /// This path with `step` put in front: how a path relative to a child
    /// becomes relative to its parent.
    pub fn under(mut self, step: Step) -> Path {
        self.0.insert(0, step);
        self
    }

    fn then(&self, step: Step) -> Path {
        let mut steps = Vec::with_capacity(self.0.len() + 1);
        steps.extend(self.0.iter().cloned());
        steps.push(step);
        Path(steps)
    }
}

/// The start of every node of a text's first document, by path.
#[derive(Debug, Default)]
pub struct Positions {
    /// Every node, the root first.
    nodes: Vec<Node>,
    /// By a mapping's start: the second occurrence of a key it repeats,
    /// and the key.
    repeated: HashMap<Place, (Place, String)>,
    /// The first scalar (key or value) holding a character a terminal
    /// would act on, other than a line break, and that character.
    control: Option<(Place, char)>,
}

#[derive(Debug)]
struct Node {
    at: Place,
    /// Where its key starts, for the value of a mapping entry.
    key: Option<Place>,
    children: Children,
}

#[derive(Debug)]
enum Children {
    Leaf,
    Items(Vec<usize>),
    Entries(Vec<(String, usize)>),
}

impl Positions {
    /// Indexes `text`. Where the text stops being YAML, or lists and
    /// mappings nest more than [`super::MAX_DEPTH`] levels deep, the index
    /// stops too: it holds every node read before.
    pub fn of(text: &str) -> Positions {
        let mut out = Positions::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut documents = 0;
        read_events(text, |event, at| {
            if stack.len() >= super::MAX_DEPTH
                && matches!(event, Event::SequenceStart | Event::MappingStart)
            {
                return false;
            }
            match event {
                Event::DocumentStart => {
                    documents += 1;
                    return documents == 1;
                }
                Event::Scalar(s) => {
                    if out.control.is_none() {
                        out.control = first_control(s).map(|c| (at, c));
                    }
                    out.node(&mut stack, Some(s), at);
                }
                Event::Alias => {
                    out.node(&mut stack, None, at);
                }
                Event::SequenceStart => {
                    let frame = match out.node(&mut stack, None, at) {
                        Some(n) => {
                            out.nodes[n].children = Children::Items(Vec::new());
                            Frame::Sequence(n)
                        }
                        None => Frame::Skip,
                    };
                    stack.push(frame);
                }
                Event::MappingStart => {
                    let frame = match out.node(&mut stack, None, at) {
                        Some(n) => {
                            out.nodes[n].children = Children::Entries(Vec::new());
                            Frame::Mapping { node: n, key: None }
                        }
                        None => Frame::Skip,
                    };
                    stack.push(frame);
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    stack.pop();
                }
                Event::Other => {}
            }
            true
        });
        out
    }

    /// Where the node at `path` starts.
    pub fn value(&self, path: &Path) -> Option<Place> {
        self.find(path).map(|n| n.at)
    }

    /// Where the key of the mapping entry at `path` starts.
    pub fn key(&self, path: &Path) -> Option<Place> {
        self.find(path).and_then(|n| n.key)
    }

    /// The first key or value whose text (as read, escapes such as `"\e"`
    /// turned into the characters they stand for) holds a control or
    /// bidirectional character other than a line break: where it starts,
    /// and the character.
    pub fn control(&self) -> Option<(Place, char)> {
        self.control
    }

    /// The second occurrence of a key that the mapping starting at
    /// `mapping` holds twice.
    pub fn repeated_key(&self, mapping: Place) -> Option<Place> {
        self.repeated.get(&mapping).map(|(at, _)| *at)
    }

    /// The first key given twice in the mapping starting at `mapping`,
    /// and where it is given the second time.
    pub fn repeated_key_named(&self, mapping: Place) -> Option<(Place, &str)> {
        self.repeated
            .get(&mapping)
            .map(|(at, key)| (*at, key.as_str()))
    }

    fn find(&self, path: &Path) -> Option<&Node> {
        let mut node = self.nodes.first()?;
        for step in &path.0 {
            let next = match (step, &node.children) {
                (Step::Index(i), Children::Items(items)) => *items.get(*i)?,
                (Step::Key(k), Children::Entries(entries)) => {
                    entries.iter().find(|(key, _)| key == k)?.1
                }
                _ => return None,
            };
            node = &self.nodes[next];
        }
        Some(node)
    }

    /// Records a node starting at `at` (a scalar's text in `scalar`) and
    /// returns its index: `None` for a mapping key, or a node that no path
    /// names (inside a key, or the value of a key given twice).
    fn node(&mut self, stack: &mut [Frame], scalar: Option<&[u8]>, at: Place) -> Option<usize> {
        let (parent, key) = match stack.last_mut() {
            None if self.nodes.is_empty() => (None, None),
            None | Some(Frame::Skip) => return None,
            Some(Frame::Sequence(parent)) => (Some(*parent), None),
            Some(Frame::Mapping { node, key }) => match key.take() {
                Some(Some(k)) => (Some(*node), Some(k)),
                Some(None) => return None,
                // A key: only a scalar one can be named by a path, and
                // of one given twice only the first.
                None => {
                    let named = scalar
                        .map(|s| String::from_utf8_lossy(s).into_owned())
                        .filter(|k| {
                            let fresh = !self.has_key(*node, k);
                            if !fresh {
                                let start = self.nodes[*node].at;
                                self.repeated.entry(start).or_insert((at, k.clone()));
                            }
                            fresh
                        });
                    *key = Some(named.map(|k| (k, at)));
                    return None;
                }
            },
        };
        let id = self.nodes.len();
        self.nodes.push(Node {
            at,
            key: key.as_ref().map(|(_, place)| *place),
            children: Children::Leaf,
        });
        match (parent.map(|p| &mut self.nodes[p].children), key) {
            (Some(Children::Items(items)), _) => items.push(id),
            (Some(Children::Entries(entries)), Some((k, _))) => entries.push((k, id)),
            _ => {}
        }
        Some(id)
    }

    fn has_key(&self, mapping: usize, key: &str) -> bool {
        matches!(&self.nodes[mapping].children,
            Children::Entries(entries) if entries.iter().any(|(k, _)| k == key))
    }
}

/// Where `c` is first written in `text` at or after `from`: the place of
/// a character inside a scalar that starts at `from`, when it is written
/// as it is rather than as an escape.
pub fn place_of(text: &str, from: Place, c: char) -> Option<Place> {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(from.line - 1)
        .map(str::len)
        .sum();
    let rest = text.get(line_start..)?;
    let start = rest
        .char_indices()
        .nth(from.column - 1)
        .map_or(rest.len(), |(i, _)| i);
    let found = line_start + start + rest[start..].find(c)?;
    let before = &text[..found];
    let line = 1 + before.matches('\n').count();
    let column = 1 + before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count();
    Some(Place { line, column })
}

/// The first character of `scalar` that [`is_unsafe`] says must not reach
/// a terminal, a line break aside.
fn first_control(scalar: &[u8]) -> Option<char> {
    String::from_utf8_lossy(scalar)
        .chars()
        .find(|&c| c != '\n' && is_unsafe(c))
}

/// Where the first list or mapping nested more than `limit` levels deep
/// starts, reading no further than that; `None` when there is none, or
/// where the text stops being YAML before (the parser then says why).
pub(super) fn too_deep(text: &str, limit: usize) -> Option<Place> {
    let mut depth = 0usize;
    let mut found = None;
    read_events(text, |event, at| {
        match event {
            Event::SequenceStart | Event::MappingStart => {
                depth += 1;
                if depth > limit {
                    found = Some(at);
                    return false;
                }
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
        true
    });
    found
}

/// A collection being read.
enum Frame {
    Sequence(usize),
    Mapping {
        node: usize,
        /// `None` while a key is expected; then the key just read, with
        /// its place (`None` inside when no path can name it).
        key: Option<Option<(String, Place)>>,
    },
    /// Inside a node no path names: nothing to index.
    Skip,
}

/// The events the index needs; a scalar's text is lent for the call.
enum Event<'e> {
    DocumentStart,
    Scalar(&'e [u8]),
    Alias,
    SequenceStart,
    SequenceEnd,
    MappingStart,
    MappingEnd,
    Other,
}

/// Calls `f` with each of libyaml's events in `text` and its start mark,
/// until the stream ends, the text stops being YAML, or `f` says stop.
fn read_events(text: &str, mut f: impl FnMut(Event<'_>, Place) -> bool) {
    let Some(mut parser) = Parser::new(text) else {
        return;
    };
    loop {
        let mut event = MaybeUninit::<sys::yaml_event_t>::uninit();
        // SAFETY: the parser was initialised and not deleted; a successful
        // parse fills `event`, which is read, then deleted once. A
        // scalar's text lives until the delete, after `f` returns.
        unsafe {
            if sys::yaml_parser_parse(parser.raw.as_mut_ptr(), event.as_mut_ptr()).fail {
                return;
            }
            let e = event.as_mut_ptr();
            let mark = (*e).start_mark;
            let place = Place {
                line: mark.line as usize + 1,
                column: mark.column as usize + 1,
            };
            let kind = (*e).type_;
            let ev = match kind {
                sys::YAML_DOCUMENT_START_EVENT => Event::DocumentStart,
                sys::YAML_ALIAS_EVENT => Event::Alias,
                sys::YAML_SCALAR_EVENT => {
                    let s = (*e).data.scalar;
                    Event::Scalar(std::slice::from_raw_parts(s.value, s.length as usize))
                }
                sys::YAML_SEQUENCE_START_EVENT => Event::SequenceStart,
                sys::YAML_SEQUENCE_END_EVENT => Event::SequenceEnd,
                sys::YAML_MAPPING_START_EVENT => Event::MappingStart,
                sys::YAML_MAPPING_END_EVENT => Event::MappingEnd,
                _ => Event::Other,
            };
            let go_on = f(ev, place);
            sys::yaml_event_delete(e);
            if !go_on || kind == sys::YAML_STREAM_END_EVENT {
                return;
            }
        }
    }
}

/// libyaml's parser over a borrowed text.
struct Parser<'text> {
    /// Boxed: libyaml keeps a pointer to the parser itself, so it must
    /// not move once initialised.
    raw: Box<MaybeUninit<sys::yaml_parser_t>>,
    text: PhantomData<&'text str>,
}

impl<'text> Parser<'text> {
    fn new(text: &'text str) -> Option<Parser<'text>> {
        let mut raw = Box::new(MaybeUninit::<sys::yaml_parser_t>::uninit());
        let p = raw.as_mut_ptr();
        // SAFETY: `p` points at a boxed, writable parser that initialise
        // fills in; the input outlives the parser (`'text`).
        unsafe {
            if sys::yaml_parser_initialize(p).fail {
                return None;
            }
            sys::yaml_parser_set_encoding(p, sys::YAML_UTF8_ENCODING);
            sys::yaml_parser_set_input_string(p, text.as_ptr(), text.len() as u64);
        }
        Some(Parser {
            raw,
            text: PhantomData,
        })
    }
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        // SAFETY: initialised in `new`, deleted only here.
        unsafe { sys::yaml_parser_delete(self.raw.as_mut_ptr()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Option<Place> {
        Some(Place { line, column })
    }

    fn path(steps: &[Step]) -> Path {
        Path(steps.to_vec())
    }

    fn k(s: &str) -> Step {
        Step::Key(s.to_owned())
    }

    fn i(n: usize) -> Step {
        Step::Index(n)
    }

    const TEXT: &str = "\
# a comment
- id: first
  when:
    any:
      - { secrecy: true }
      - meeting_type: [board, workshop]
  organiser: [a, b]
- { id: second, \"quoted key\": 'x', nested: { deep: [1, 2] } }
-   id: third
    list:
    - x
    -   - y
";

    #[test]
    fn block_mappings_and_sequences() {
        let p = Positions::of(TEXT);
        assert_eq!(p.value(&Path::root()), at(2, 1));
        assert_eq!(p.value(&path(&[i(0)])), at(2, 3));
        assert_eq!(p.key(&path(&[i(0), k("id")])), at(2, 3));
        assert_eq!(p.value(&path(&[i(0), k("id")])), at(2, 7));
        assert_eq!(p.key(&path(&[i(0), k("when")])), at(3, 3));
        assert_eq!(p.value(&path(&[i(0), k("when"), k("any")])), at(5, 7));
        assert_eq!(p.value(&path(&[i(2), k("id")])), at(9, 9));
        assert_eq!(p.value(&path(&[i(2), k("list"), i(0)])), at(11, 7));
        assert_eq!(p.value(&path(&[i(2), k("list"), i(1), i(0)])), at(12, 11));
    }

    #[test]
    fn flow_mappings_and_sequences_nested_in_block_ones() {
        let p = Positions::of(TEXT);
        let any = path(&[i(0), k("when"), k("any")]);
        assert_eq!(p.value(&any.index(0)), at(5, 9));
        assert_eq!(p.key(&any.index(0).key("secrecy")), at(5, 11));
        assert_eq!(p.value(&any.index(0).key("secrecy")), at(5, 20));
        assert_eq!(p.key(&any.index(1).key("meeting_type")), at(6, 9));
        assert_eq!(
            p.value(&any.index(1).key("meeting_type").index(1)),
            at(6, 31)
        );
        assert_eq!(p.value(&path(&[i(0), k("organiser"), i(1)])), at(7, 18));
        assert_eq!(p.value(&path(&[i(1)])), at(8, 3));
        assert_eq!(p.key(&path(&[i(1), k("id")])), at(8, 5));
        assert_eq!(p.value(&path(&[i(1), k("id")])), at(8, 9));
        assert_eq!(
            p.value(&path(&[i(1), k("nested"), k("deep"), i(1)])),
            at(8, 56)
        );
    }

    #[test]
    fn quoted_keys_are_found_by_their_text() {
        let p = Positions::of(TEXT);
        assert_eq!(p.key(&path(&[i(1), k("quoted key")])), at(8, 17));
        assert_eq!(p.value(&path(&[i(1), k("quoted key")])), at(8, 31));
    }

    #[test]
    fn a_repeated_key_is_found_at_its_second_occurrence() {
        let p = Positions::of("- id: a\n- id: b\n  text: x\n  id: c\n");
        let mapping = p.value(&Path::root().index(1)).unwrap();
        assert_eq!(p.repeated_key(mapping), at(4, 3));
        // The first one stays what the path names.
        assert_eq!(p.value(&Path::root().index(1).key("id")), at(2, 7));
        assert_eq!(
            p.repeated_key(p.value(&Path::root().index(0)).unwrap()),
            None
        );
    }

    #[test]
    fn columns_count_characters_and_a_broken_text_keeps_what_came_before() {
        let p = Positions::of("- { åäö: x, y: [ö, z] }\n- a: b: c\n- d\n");
        assert_eq!(p.value(&path(&[i(0), k("y"), i(1)])), at(1, 20));
        assert_eq!(p.value(&path(&[i(0), k("åäö")])), at(1, 10));
        assert_eq!(p.key(&path(&[i(1), k("a")])), at(2, 3));
        assert_eq!(p.value(&Path::root().index(2)), None);
    }

    #[test]
    fn a_repeated_key_is_named() {
        let p = Positions::of("secrecy: true\nrecording: none\nsecrecy: false\n");
        assert_eq!(
            p.repeated_key_named(Place { line: 1, column: 1 }),
            Some((Place { line: 3, column: 1 }, "secrecy"))
        );
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_found_where_it_starts() {
        assert_eq!(too_deep("a: [[1]]\n", 3), None);
        assert_eq!(too_deep("a: [[[1]]]\n", 3), at(1, 6));
        assert_eq!(too_deep("- - - x\n", 2), at(1, 5));
        // The first document's depth does not carry over to the next.
        assert_eq!(too_deep("[[1]]\n---\n[[2]]\n", 2), None);
        assert_eq!(too_deep("[[1]]\n---\n[[[2]]]\n", 2), at(3, 3));
        // A broken text is the parser's to report.
        assert_eq!(too_deep("a: b: c\n- [[[[[1]]]]]\n", 2), None);
    }

    #[test]
    fn deep_nesting_is_refused_in_linear_time() {
        let n = 100_000;
        let text = format!("{}{}", "{a: ".repeat(n), "}".repeat(n));
        let started = std::time::Instant::now();
        assert_eq!(too_deep(&text, 64), at(1, 1 + 4 * 64));
        let p = Positions::of(&text);
        assert_eq!(p.value(&Path::root()), at(1, 1));
        // Generous: a machine under load must not fail it, the quadratic
        // scan took minutes.
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }

    #[test]
    fn keys_that_are_collections_are_passed_over() {
        let p = Positions::of("? [a, b]\n: 1\nc: 2\n");
        assert_eq!(p.value(&Path::root().key("c")), at(3, 4));
        assert_eq!(p.key(&Path::root().key("c")), at(3, 1));
    }

    #[test]
    fn paths_join_and_grow_at_the_front() {
        let rel = Path::root().key("any").index(1);
        let base = Path::root().index(3).key("when");
        assert_eq!(base.join(&rel), path(&[i(3), k("when"), k("any"), i(1)]));
        assert_eq!(
            rel.under(Step::Key("not".into())),
            path(&[k("not"), k("any"), i(1)])
        );
    }
}
