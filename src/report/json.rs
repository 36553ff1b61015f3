//! The JSON output, exactly as CONTRACT.md fixes it, plus extra keys.

use serde_json::{Value, json};

use crate::report::{Cited, Report};

/// The recommendation as one JSON object (pretty-printed, ends in a newline).
pub fn to_json(r: &Report) -> String {
    json_string(&to_json_value(r))
}

/// Pretty-printed JSON ending in a newline.
pub fn json_string(value: &Value) -> String {
    let mut out = serde_json::to_string_pretty(value).expect("a JSON value always serialises");
    out.push('\n');
    out
}

/// The recommendation as a JSON value, for callers that add keys.
pub fn to_json_value(r: &Report) -> Value {
    let cited = |list: &[Cited]| -> Vec<Value> {
        list.iter()
            .map(|c| {
                json!({
                    "id": c.id,
                    "text": c.text,
                    "source": c.source,
                    "certain": c.certain,
                    "condition": c.condition,
                })
            })
            .collect()
    };
    let value = json!({
        "profile": r.profile_id,
        "information_class": r.class,
        "digital_meeting_allowed": r.digital_allowed,
        "platforms": r.platform_ids,
        "recording": {
            "planned": r.recording_planned,
            "allowed": r.recording_allowed,
            "reason": r.recording_reason,
            "retention": r.retention,
            "sources": r.recording_sources,
        },
        "checklists": {
            "organiser": cited(&r.organiser),
            "participants": cited(&r.participants),
        },
        "tips": cited(&r.tips),
        "warnings": cited(&r.warnings),
        "explanation": r.explanation.iter().map(|c| json!({
            "rule": c.id,
            "text": c.text,
            "source": c.source,
            "certain": c.certain,
            "condition": c.condition,
        })).collect::<Vec<_>>(),
        "unused_answers": r.unused.iter().map(|u| json!({
            "question": u.question_id,
            "answer": u.answer_id,
            "used": u.used_id,
            "contradicted": u.contradicted,
            "reason": u.reason,
        })).collect::<Vec<_>>(),
        "language": r.lang.code(),
        "profile_name": r.profile_name,
        "documents": r.documents,
        "information_class_name": r.class_name,
        "ruled_out": r.excluded.iter().map(|e| json!({
            "platform": e.id,
            "reasons": e.reasons,
        })).collect::<Vec<_>>(),
        "open_answers": r.open.iter().map(|o| json!({
            "question": o.question_id,
            "outcomes": o.outcomes.iter().map(|x| json!({
                "answer": x.answer_id,
                "information_class": x.class,
                "digital_meeting_allowed": x.digital_allowed,
                "platforms": x.platform_ids,
                "summary": x.summary,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "answers": r.answers.iter().map(|(id, _, value, _)| (id.clone(), Value::String(value.clone()))).collect::<serde_json::Map<_, _>>(),
    });
    value
}
