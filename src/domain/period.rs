//! Calendar periods: review cycles, measurement frequencies and the fiscal year.
//!
//! A [`Period`] is a half-open span of days `[start, end)` of one [`Frequency`]. Month-based
//! periods (quarters, halves, years) are aligned to the fiscal year's first month, so with an
//! April fiscal year "Q1" is April to June. Weeks are ISO weeks, Monday to Sunday. All calendar
//! arithmetic goes through `jiff`, so month lengths and leap years are never computed by hand.

use jiff::civil::Date;
use jiff::Span;
use serde::{Deserialize, Serialize};

use super::keyword::Keyword;

/// How often something happens: a framework's review cycle or a KPI's measurement frequency.
///
/// Saved as its [`key`](Frequency::key) (see [`Keyword`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Frequency {
    Weekly,
    Monthly,
    Quarterly,
    HalfYearly,
    Annual,
}

impl Frequency {
    /// Every frequency, shortest first (for menus).
    pub const ALL: [Frequency; 5] =
        [Frequency::Weekly, Frequency::Monthly, Frequency::Quarterly, Frequency::HalfYearly, Frequency::Annual];

    /// Length in months, or `None` for weeks.
    pub fn months(self) -> Option<i32> {
        match self {
            Frequency::Weekly => None,
            Frequency::Monthly => Some(1),
            Frequency::Quarterly => Some(3),
            Frequency::HalfYearly => Some(6),
            Frequency::Annual => Some(12),
        }
    }

    /// The word a user reads in a menu, e.g. "Half-yearly".
    pub fn label(self) -> &'static str {
        match self {
            Frequency::Weekly => "Weekly",
            Frequency::Monthly => "Monthly",
            Frequency::Quarterly => "Quarterly",
            Frequency::HalfYearly => "Half-yearly",
            Frequency::Annual => "Annual",
        }
    }
}

impl Keyword for Frequency {
    const VALUES: &'static [Frequency] = &Frequency::ALL;
    const WORDS: &'static [&'static str] = &["weekly", "monthly", "quarterly", "half-yearly", "annual"];
}
crate::keyword_serde!(Frequency);

/// The month (1 = January … 12 = December) in which the fiscal year begins.
///
/// April is common in India, where the term KRA is most used; January gives calendar years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "i8", into = "i8")]
pub struct FiscalYearStart(i8);

impl FiscalYearStart {
    /// Calendar years.
    pub const JANUARY: FiscalYearStart = FiscalYearStart(1);
    /// The Indian (and UK tax) fiscal year.
    pub const APRIL: FiscalYearStart = FiscalYearStart(4);

    /// A fiscal year starting in `month` (1–12), or `None` for any other number.
    pub fn new(month: i8) -> Option<FiscalYearStart> {
        (1..=12).contains(&month).then_some(FiscalYearStart(month))
    }

    /// The month number, 1–12.
    pub fn month(self) -> i8 {
        self.0
    }
}

impl Default for FiscalYearStart {
    fn default() -> Self {
        FiscalYearStart::JANUARY
    }
}

impl TryFrom<i8> for FiscalYearStart {
    type Error = String;
    fn try_from(month: i8) -> Result<Self, String> {
        FiscalYearStart::new(month).ok_or_else(|| format!("fiscal year start month {month} is not 1–12"))
    }
}

impl From<FiscalYearStart> for i8 {
    fn from(start: FiscalYearStart) -> i8 {
        start.0
    }
}

/// One period of a [`Frequency`], aligned to a fiscal year.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::period::{FiscalYearStart, Frequency, Period};
///
/// let q = Period::containing(date(2026, 11, 23), Frequency::Quarterly, FiscalYearStart::APRIL);
/// assert_eq!(q.start(), date(2026, 10, 1));
/// assert_eq!(q.end(), date(2027, 1, 1));
/// assert_eq!(q.label(), "Q3 FY2026-27");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    frequency: Frequency,
    start: Date,
    fiscal: FiscalYearStart,
}

impl Period {
    /// The period of `frequency` that contains `day`.
    pub fn containing(day: Date, frequency: Frequency, fiscal: FiscalYearStart) -> Period {
        let start = match frequency.months() {
            None => day.checked_sub(days(i64::from(day.weekday().to_monday_zero_offset()))).unwrap_or(day),
            Some(len) => {
                let offset = i32::from(fiscal.month() - 1);
                let index = i32::from(day.year()) * 12 + i32::from(day.month() - 1) - offset;
                let first = index.div_euclid(len) * len + offset;
                month_start(first)
            }
        };
        Period { frequency, start, fiscal }
    }

    /// Whether `day` is the first day of a period of `frequency`: the same answer as
    /// `Period::containing(day, frequency, fiscal).start() == day`, without building the period.
    /// Loading checks this for every stored reading, and for month-based periods it is integer
    /// arithmetic (no date is constructed).
    ///
    /// # Example
    ///
    /// ```
    /// use jiff::civil::date;
    /// use kra_kpi::domain::period::{FiscalYearStart, Frequency, Period};
    ///
    /// assert!(Period::is_start(date(2026, 10, 1), Frequency::Quarterly, FiscalYearStart::APRIL));
    /// assert!(!Period::is_start(date(2026, 11, 1), Frequency::Quarterly, FiscalYearStart::APRIL));
    /// assert!(!Period::is_start(date(2026, 10, 2), Frequency::Monthly, FiscalYearStart::APRIL));
    /// ```
    pub fn is_start(day: Date, frequency: Frequency, fiscal: FiscalYearStart) -> bool {
        match frequency.months() {
            // The first representable day is where `containing` clamps periods that would begin
            // before it, so there it answers as `containing` does.
            Some(len) if day != Date::MIN => {
                let index = i32::from(day.year()) * 12 + i32::from(day.month() - 1) - i32::from(fiscal.month() - 1);
                day.day() == 1 && index.rem_euclid(len) == 0
            }
            _ => Period::containing(day, frequency, fiscal).start() == day,
        }
    }

    /// The frequency of this period.
    pub fn frequency(&self) -> Frequency {
        self.frequency
    }

    /// The fiscal year this period is aligned to.
    pub fn fiscal(&self) -> FiscalYearStart {
        self.fiscal
    }

    /// The first day of the period.
    pub fn start(&self) -> Date {
        self.start
    }

    /// The first day after the period (the end is exclusive).
    pub fn end(&self) -> Date {
        match self.frequency.months() {
            // Integer month arithmetic (a month-based period starts on the 1st): this runs once
            // per stored reading on load, and jiff's span arithmetic is several times slower.
            Some(len) => {
                let index = i32::from(self.start.year()) * 12 + i32::from(self.start.month() - 1) + len;
                if index.div_euclid(12) > i32::from(Date::MAX.year()) {
                    Date::MAX
                } else {
                    month_start(index)
                }
            }
            None => self.start.checked_add(self.span()).unwrap_or(Date::MAX),
        }
    }

    /// The last day inside the period.
    pub fn last_day(&self) -> Date {
        self.end().yesterday().unwrap_or(self.start)
    }

    fn span(&self) -> Span {
        match self.frequency.months() {
            None => days(7),
            Some(m) => Span::new().try_months(m).unwrap_or_default(),
        }
    }

    /// Whether `day` falls inside the period.
    pub fn contains(&self, day: Date) -> bool {
        self.start <= day && day < self.end()
    }

    /// The period right after this one.
    pub fn next(&self) -> Period {
        Period { start: self.end(), ..*self }
    }

    /// The first day of this period and of each one after it, as far as dates go.
    ///
    /// Loading files each value of a stored run of readings under the next of these. For
    /// month-based periods it steps a year and month (no division per step, and no `Period`
    /// built per step, as [`Period::next`] would): on load this runs once per stored reading.
    ///
    /// # Example
    ///
    /// ```
    /// use jiff::civil::date;
    /// use kra_kpi::domain::period::{FiscalYearStart, Frequency, Period};
    ///
    /// let q3 = Period::containing(date(2026, 11, 20), Frequency::Quarterly, FiscalYearStart::APRIL);
    /// let starts: Vec<_> = q3.starts().take(3).collect();
    /// assert_eq!(starts, [date(2026, 10, 1), date(2027, 1, 1), date(2027, 4, 1)]);
    ///
    /// // The last representable month has no month after it.
    /// let last = Period::containing(date(9999, 11, 5), Frequency::Monthly, FiscalYearStart::JANUARY);
    /// assert_eq!(last.starts().count(), 2);
    /// ```
    pub fn starts(&self) -> impl Iterator<Item = Date> {
        let months = self.frequency.months();
        std::iter::successors(Some(self.start), move |&day| match months {
            Some(len) => {
                // `len` is at most 12, so `month` stays within 2..=24.
                let month = day.month() + len as i8;
                let (year, month) = if month > 12 { (day.year() + 1, month - 12) } else { (day.year(), month) };
                Date::new(year, month, 1).ok()
            }
            None => day.checked_add(days(7)).ok(),
        })
    }

    /// The period right before this one.
    pub fn previous(&self) -> Period {
        let day = self.start.yesterday().unwrap_or(self.start);
        Period::containing(day, self.frequency, self.fiscal)
    }

    /// Number of days in the period (28–366 for months and longer, 7 for weeks).
    pub fn days(&self) -> i64 {
        days_between(self.start, self.end())
    }

    /// How many whole periods of this frequency lie between `origin`'s period and this one
    /// (negative when this one is earlier).
    pub fn index_from(&self, origin: Date) -> i64 {
        let origin = Period::containing(origin, self.frequency, self.fiscal);
        match self.frequency.months() {
            None => days_between(origin.start, self.start).div_euclid(7),
            Some(len) => {
                let months = |d: Date| i64::from(d.year()) * 12 + i64::from(d.month());
                (months(self.start) - months(origin.start)).div_euclid(i64::from(len))
            }
        }
    }

    /// The share of the period that has passed by the end of `today`, from 0 to 1.
    ///
    /// Today counts as elapsed, so on the last day the share is 1.
    pub fn elapsed_share(&self, today: Date) -> f64 {
        (self.days_elapsed(today) as f64 / self.days() as f64).clamp(0.0, 1.0)
    }

    /// The days of the period that have passed by the end of `today`, today included: 1 on the
    /// first day, [`Period::days`] on the last, 0 before the period starts.
    pub fn days_elapsed(&self, today: Date) -> i64 {
        if today < self.start {
            return 0;
        }
        days_between(self.start, today) + 1
    }

    /// The periods of `frequency` that begin inside this period, in order.
    ///
    /// Used to add up per-period targets: a quarter holds three months or thirteen or fourteen
    /// weeks (a week belongs to the period its Monday falls in). When `frequency` is longer than
    /// this period, the one longer period containing this period's start is returned.
    pub fn subperiods(&self, frequency: Frequency) -> Vec<Period> {
        let mut current = Period::containing(self.start, frequency, self.fiscal);
        if current.start < self.start {
            if frequency > self.frequency {
                return vec![current];
            }
            current = current.next();
        }
        let end = self.end();
        let mut periods = Vec::new();
        while current.start < end {
            periods.push(current);
            current = current.next();
        }
        if periods.is_empty() {
            periods.push(Period::containing(self.start, frequency, self.fiscal));
        }
        periods
    }

    /// Where a reading filed under this period goes when its KPI's frequency or the fiscal year
    /// changes: to the first new period that begins inside this one when the new periods are no
    /// longer (monthly → weekly: the week of the first Monday in the month), otherwise to the
    /// new period containing this one's start (weekly → monthly: the month of the Monday).
    ///
    /// # Example
    ///
    /// ```
    /// use jiff::civil::date;
    /// use kra_kpi::domain::period::{FiscalYearStart, Frequency, Period};
    ///
    /// let november = Period::containing(date(2026, 11, 1), Frequency::Monthly, FiscalYearStart::JANUARY);
    /// let week = november.refiled(Frequency::Weekly, FiscalYearStart::JANUARY);
    /// assert_eq!(week.start(), date(2026, 11, 2)); // not the week of Mon 26 Oct
    /// ```
    pub fn refiled(&self, frequency: Frequency, fiscal: FiscalYearStart) -> Period {
        let containing = Period::containing(self.start, frequency, fiscal);
        if containing.start >= self.start || frequency > self.frequency {
            return containing;
        }
        let next = containing.next();
        if next.start < self.end() {
            next
        } else {
            containing
        }
    }

    /// A short human label: "2026-W48", "Nov 2026", "Q3 FY2026-27", "H1 2026", "FY2026-27".
    pub fn label(&self) -> String {
        let fy = self.fiscal_year_label();
        match self.frequency {
            Frequency::Weekly => {
                let iso = self.start.iso_week_date();
                format!("{}-W{:02}", iso.year(), iso.week())
            }
            Frequency::Monthly => {
                format!("{} {}", &MONTH_NAMES[(self.start.month() - 1) as usize][..3], self.start.year())
            }
            Frequency::Quarterly => format!("Q{} {fy}", self.fiscal_index(3)),
            Frequency::HalfYearly => format!("H{} {fy}", self.fiscal_index(6)),
            Frequency::Annual => fy,
        }
    }

    /// 1-based position of this period within its fiscal year, for `len`-month periods.
    fn fiscal_index(&self, len: i8) -> i8 {
        (self.start.month() - self.fiscal.month()).rem_euclid(12) / len + 1
    }

    fn fiscal_year_label(&self) -> String {
        let first_year =
            if self.start.month() >= self.fiscal.month() { self.start.year() } else { self.start.year() - 1 };
        if self.fiscal.month() == 1 {
            first_year.to_string()
        } else {
            format!("FY{}-{:02}", first_year, (first_year + 1).rem_euclid(100))
        }
    }
}

/// English month names, January first (menus use them whole, labels their first three letters).
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A span of `n` days. jiff's `n.days()` panics on overflow through `expect`, which would pull
/// jiff's error formatting into the wasm; every `n` here is a small week offset.
fn days(n: i64) -> Span {
    Span::new().try_days(n).unwrap_or_default()
}

/// The first day of the month numbered `index` = year × 12 + (month − 1).
fn month_start(index: i32) -> Date {
    let year = index.div_euclid(12) as i16;
    let month = index.rem_euclid(12) as i8 + 1;
    Date::new(year, month, 1).unwrap_or(Date::MIN)
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    // `duration_until` is exact and infallible for civil dates. `Date::until` would also do, but
    // its internal unwrap pulls jiff's whole error formatting into the wasm (~35 KB gzipped).
    a.duration_until(b).as_hours().div_euclid(24)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const JAN: FiscalYearStart = FiscalYearStart::JANUARY;
    const APR: FiscalYearStart = FiscalYearStart::APRIL;

    #[test]
    fn is_start_agrees_with_the_period_containing_the_day() {
        // Every day of 2023-2026 (a leap year included), every frequency, every fiscal start,
        // plus the ends of the date range.
        let mut days = Vec::new();
        let mut d = date(2023, 1, 1);
        while d < date(2027, 1, 1) {
            days.push(d);
            d = d.tomorrow().unwrap();
        }
        days.extend([Date::MIN, date(-9999, 2, 1), date(9999, 12, 1), Date::MAX]);
        for &day in &days {
            for frequency in Frequency::ALL {
                for month in 1..=12 {
                    let fiscal = FiscalYearStart::new(month).unwrap();
                    let expected = Period::containing(day, frequency, fiscal).start() == day;
                    assert_eq!(Period::is_start(day, frequency, fiscal), expected, "{day} {frequency:?} {month}");
                }
            }
        }
    }

    #[test]
    fn april_fiscal_year_wraps_into_the_next_calendar_year() {
        let q4 = Period::containing(date(2027, 2, 14), Frequency::Quarterly, APR);
        assert_eq!((q4.start(), q4.end()), (date(2027, 1, 1), date(2027, 4, 1)));
        assert_eq!(q4.label(), "Q4 FY2026-27");
        let h2 = Period::containing(date(2027, 3, 31), Frequency::HalfYearly, APR);
        assert_eq!((h2.start(), h2.label().as_str()), (date(2026, 10, 1), "H2 FY2026-27"));
        let year = Period::containing(date(2026, 4, 1), Frequency::Annual, APR);
        assert_eq!((year.start(), year.end()), (date(2026, 4, 1), date(2027, 4, 1)));
    }

    #[test]
    fn leap_year_february_has_29_days() {
        let feb = Period::containing(date(2028, 2, 10), Frequency::Monthly, JAN);
        assert_eq!(feb.days(), 29);
        assert_eq!(feb.last_day(), date(2028, 2, 29));
        assert_eq!(Period::containing(date(2027, 2, 10), Frequency::Monthly, JAN).days(), 28);
        assert_eq!(Period::containing(date(2028, 7, 1), Frequency::Annual, JAN).days(), 366);
    }

    #[test]
    fn weeks_start_on_monday_and_cross_year_ends() {
        let week = Period::containing(date(2027, 1, 1), Frequency::Weekly, JAN);
        assert_eq!(week.start(), date(2026, 12, 28));
        assert_eq!(week.label(), "2026-W53");
    }

    #[test]
    fn a_quarter_holds_three_months_and_thirteen_or_fourteen_weeks() {
        let q = Period::containing(date(2026, 1, 5), Frequency::Quarterly, JAN);
        assert_eq!(q.subperiods(Frequency::Monthly).len(), 3);
        // Mondays from 5 Jan to 30 Mar 2026: 13 weeks (the week of 29 Dec 2025 belongs to Q4).
        assert_eq!(q.subperiods(Frequency::Weekly).len(), 13);
        let month = Period::containing(date(2026, 5, 5), Frequency::Monthly, JAN);
        assert_eq!(month.subperiods(Frequency::Annual).len(), 1);
    }

    #[test]
    fn index_and_elapsed_share() {
        let m = Period::containing(date(2026, 11, 23), Frequency::Monthly, JAN);
        assert_eq!(m.index_from(date(2026, 1, 31)), 10);
        assert_eq!(m.elapsed_share(date(2026, 11, 15)), 0.5);
        assert_eq!(m.elapsed_share(date(2026, 11, 30)), 1.0);
        assert_eq!(m.elapsed_share(date(2026, 10, 30)), 0.0);
    }
}
