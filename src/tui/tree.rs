//! The region tree: regions placed by their gazetteer path (province → prefecture → county
//! → zone or township), each node with the number of articles under it; regions without a
//! path sit under [`UNPLACED`]. Built once from the region list, so it depends on no corpus
//! in particular: a corpus without gazetteer fields is one flat group under [`UNPLACED`].

use super::app::{Region, UNNAMED_REGION};
use crate::report::pinyin_keys;

/// The group of regions the gazetteer could not place.
pub const UNPLACED: &str = "未归类";

/// One node of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeNode {
    /// The place's name.
    pub name: String,
    /// 0 for a province (or the unplaced group).
    pub depth: usize,
    /// The node above, if any.
    pub parent: Option<usize>,
    /// The region (index into the region list) whose articles this node holds, if any.
    pub region: Option<usize>,
    /// Articles in this node and all below it.
    pub count: usize,
}

/// The tree in display order (depth first; siblings by pinyin, the unplaced group last).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegionTree {
    /// Every node, parents before their children.
    pub nodes: Vec<TreeNode>,
}

/// A node while building: name, region, articles, children.
#[derive(Default)]
struct Draft {
    region: Option<usize>,
    count: usize,
    children: Vec<(String, Draft)>,
}

impl Draft {
    fn child(&mut self, name: &str) -> &mut Draft {
        let at = if let Some(at) = self.children.iter().position(|(n, _)| n == name) {
            at
        } else {
            self.children.push((name.to_owned(), Draft::default()));
            self.children.len() - 1
        };
        &mut self.children[at].1
    }

    fn flatten(mut self, depth: usize, parent: Option<usize>, out: &mut Vec<TreeNode>) {
        let mut keyed: Vec<(bool, String, String, Draft)> = std::mem::take(&mut self.children)
            .into_iter()
            .map(|(name, d)| {
                let last = name == UNPLACED || name == UNNAMED_REGION;
                (last, pinyin_keys(&name).0, name, d)
            })
            .collect();
        keyed.sort_by(|a, b| (a.0, &a.1, &a.2).cmp(&(b.0, &b.1, &b.2)));
        for (_, _, name, draft) in keyed {
            let at = out.len();
            out.push(TreeNode {
                name,
                depth,
                parent,
                region: draft.region,
                count: draft.count,
            });
            draft.flatten(depth + 1, Some(at), out);
        }
    }
}

impl RegionTree {
    /// The tree of `regions`: each placed by its path (its own name last), the others under
    /// [`UNPLACED`].
    pub fn build(regions: &[Region]) -> Self {
        let mut root = Draft::default();
        for (i, r) in regions.iter().enumerate() {
            let mut names: Vec<&str> = r.path.iter().map(String::as_str).collect();
            if names.is_empty() {
                names.push(UNPLACED);
            }
            if names.last() != Some(&r.name.as_str()) {
                names.push(&r.name);
            }
            let mut node = &mut root;
            for name in names {
                node = node.child(name);
                node.count += r.articles.len();
            }
            node.region = Some(i);
        }
        let mut nodes = Vec::new();
        root.flatten(0, None, &mut nodes);
        Self { nodes }
    }

    /// The node holding region `region`.
    pub fn node_of(&self, region: usize) -> Option<usize> {
        self.nodes.iter().position(|n| n.region == Some(region))
    }

    /// The names from the top of the tree down to node `node`.
    pub fn path(&self, node: usize) -> Vec<&str> {
        let mut out = Vec::new();
        let mut at = Some(node);
        while let Some(i) = at {
            let Some(n) = self.nodes.get(i) else { break };
            out.push(n.name.as_str());
            at = n.parent;
        }
        out.reverse();
        out
    }

    /// Regions in tree order.
    pub fn regions(&self) -> Vec<usize> {
        self.nodes.iter().filter_map(|n| n.region).collect()
    }

    /// The regions beside `region` (same parent node), in tree order, itself included.
    pub fn siblings(&self, region: usize) -> Vec<usize> {
        let Some(node) = self.node_of(region) else {
            return Vec::new();
        };
        let parent = self.nodes[node].parent;
        self.nodes
            .iter()
            .filter(|n| n.parent == parent)
            .filter_map(|n| n.region)
            .collect()
    }

    /// The nodes to show for a filter: those `matches` accepts, their ancestors (for the
    /// path) and their descendants (a province matched shows what is in it), in tree order.
    pub fn filter(&self, matches: impl Fn(&TreeNode) -> bool) -> Vec<usize> {
        let mut keep = vec![false; self.nodes.len()];
        let mut hit = vec![false; self.nodes.len()];
        for (i, n) in self.nodes.iter().enumerate() {
            // Parents come first, so a matched ancestor is already known.
            let under_match = n.parent.is_some_and(|p| hit[p]);
            if matches(n) || under_match {
                hit[i] = true;
                keep[i] = true;
                let mut up = n.parent;
                while let Some(p) = up {
                    if keep[p] {
                        break;
                    }
                    keep[p] = true;
                    up = self.nodes[p].parent;
                }
            }
        }
        (0..self.nodes.len()).filter(|&i| keep[i]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(name: &str, path: &[&str], articles: usize) -> Region {
        Region {
            name: name.to_owned(),
            articles: (0..articles).collect(),
            path: path.iter().map(|s| (*s).to_owned()).collect(),
            level: None,
        }
    }

    fn tree() -> RegionTree {
        RegionTree::build(&[
            region(
                "谷城经济开发区",
                &["湖北省", "襄阳市", "谷城县", "谷城经济开发区"],
                2,
            ),
            region("通辽市", &["内蒙古自治区", "通辽市"], 1),
            region("谷城县", &["湖北省", "襄阳市", "谷城县"], 3),
            region("樊城区", &["湖北省", "襄阳市", "樊城区"], 1),
            region("某园区", &[], 1),
            region(UNNAMED_REGION, &[], 4),
        ])
    }

    #[test]
    fn regions_hang_from_their_path_with_counts() {
        let t = tree();
        let rows: Vec<String> = t
            .nodes
            .iter()
            .map(|n| format!("{}{}({})", " ".repeat(n.depth), n.name, n.count))
            .collect();
        assert_eq!(
            rows,
            [
                "湖北省(6)",
                " 襄阳市(6)",
                "  樊城区(1)",
                "  谷城县(5)",
                "   谷城经济开发区(2)",
                "内蒙古自治区(1)",
                " 通辽市(1)",
                "未归类(5)",
                " 某园区(1)",
                " 未具名地区(4)",
            ]
        );
        let zone = t.node_of(0).unwrap();
        assert_eq!(
            t.path(zone),
            ["湖北省", "襄阳市", "谷城县", "谷城经济开发区"]
        );
        assert_eq!(t.siblings(3), [3, 2], "樊城区 and 谷城县 under 襄阳市");
        assert_eq!(t.regions(), [3, 2, 0, 1, 4, 5]);
    }

    #[test]
    fn a_filter_keeps_ancestors_and_descendants() {
        let t = tree();
        let names = |ids: Vec<usize>| -> Vec<String> {
            ids.into_iter().map(|i| t.nodes[i].name.clone()).collect()
        };
        assert_eq!(
            names(t.filter(|n| n.name == "谷城经济开发区")),
            ["湖北省", "襄阳市", "谷城县", "谷城经济开发区"]
        );
        assert_eq!(
            names(t.filter(|n| n.name == "襄阳市")),
            ["湖北省", "襄阳市", "樊城区", "谷城县", "谷城经济开发区"]
        );
        assert!(t.filter(|_| false).is_empty());
    }
}
