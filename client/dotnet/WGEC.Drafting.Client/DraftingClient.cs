namespace WGEC.Drafting.Client;
