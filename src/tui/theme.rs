//! The one theme. Meaning is carried by symbols, words, bold, underline and
//! reverse video, which read on light and dark terminals alike; the two
//! colours only repeat what the symbol already says, and NO_COLOR drops them.

use ratatui::style::{Color, Modifier, Style};

/// Every style the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub heading: Style,
    pub strong: Style,
    /// The highlighted option, row or item.
    pub selected: Style,
    /// Key names in the footer, like nano's.
    pub key: Style,
    pub permitted: Style,
    pub forbidden: Style,
    pub warning: Style,
    pub border: Style,
    pub error: Style,
}

pub const THEME: Theme = Theme {
    title: Style::new().add_modifier(Modifier::BOLD),
    heading: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    strong: Style::new().add_modifier(Modifier::BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
    key: Style::new().add_modifier(Modifier::REVERSED),
    permitted: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
    forbidden: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    warning: Style::new().add_modifier(Modifier::BOLD),
    border: Style::new(),
    error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
};

impl Theme {
    /// The theme for a terminal with or without colour.
    pub const fn new(colour: bool) -> Theme {
        if colour {
            THEME
        } else {
            THEME.without_colour()
        }
    }

    const fn without_colour(self) -> Theme {
        Theme {
            title: plain(self.title),
            heading: plain(self.heading),
            strong: plain(self.strong),
            selected: plain(self.selected),
            key: plain(self.key),
            permitted: plain(self.permitted),
            forbidden: plain(self.forbidden),
            warning: plain(self.warning),
            border: plain(self.border),
            error: plain(self.error),
        }
    }
}

const fn plain(style: Style) -> Style {
    Style {
        fg: None,
        bg: None,
        underline_color: None,
        ..style
    }
}

/// Whether the environment asks for no colour (<https://no-color.org>):
/// NO_COLOR set to anything but the empty string.
pub fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
