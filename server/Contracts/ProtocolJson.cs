namespace WGEC.Drafting.Contracts;
